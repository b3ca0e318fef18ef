// The availability engine: pure functions, no I/O. Every surface (slots, availability,
// calendar events, booking checks) asks it; none re-implements time arithmetic.
export * from "./src/interval";
export * from "./src/wall-clock";
export * from "./src/schedule";
export * from "./src/slots";
export * from "./src/booking-window";
export * from "./src/availability";
export * from "./src/local-time";
export * from "./src/zone-offset";
export * from "./src/calendar-schedule";
export * from "./src/occupancy";
export { peakUsage, type ResourceAvailability, type ResourceUse } from "./src/resource-capacity";
export * from "./src/recurrence";
