import { invalidField } from "../errors/domain-errors";

/** A booking's location: text, or one the organizer set on the event type (Cal.com's `{ type: "address" }` and kin). */
export type BookingLocationInput = string | { organizer: "address" | "link" | "phone" | "app" };

interface EventTypeLocation {
  type?: unknown;
  address?: unknown;
  link?: unknown;
  phone?: unknown;
}

const OFFERED: Record<"address" | "link" | "phone", { types: string[]; value: keyof EventTypeLocation; noun: string }> = {
  address: { types: ["inPerson", "address", "attendeeInPerson"], value: "address", noun: "an address" },
  link: { types: ["link"], value: "link", noun: "a link" },
  phone: { types: ["phone", "userPhone"], value: "phone", noun: "a phone number" },
};

/** The text a booking keeps as its location; an organizer's location the event type does not offer is a 400. */
export function resolveBookingLocation(eventTypeLocations: unknown, location: BookingLocationInput | null | undefined): string | null {
  if (location === undefined || location === null) return null;
  if (typeof location === "string") return location;
  const offered = (Array.isArray(eventTypeLocations) ? eventTypeLocations : []) as EventTypeLocation[];
  if (location.organizer === "app") {
    const app = offered.find((l) => typeof l.type === "string" && l.type.startsWith("integrations:"));
    if (!app) throw invalidField("location", "offered", "This event type has no conferencing app: choose another location");
    return app.type as string;
  }
  const wanted = OFFERED[location.organizer];
  const match = offered.find((l) => typeof l.type === "string" && wanted.types.includes(l.type) && typeof l[wanted.value] === "string");
  if (!match) throw invalidField("location", "offered", `This event type offers no ${location.organizer}: the organizer has not set ${wanted.noun}`);
  return match[wanted.value] as string;
}
