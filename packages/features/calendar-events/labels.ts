/** What calendar UIs print on events. Only members see names (bookingLabel); everyone else the neutral labels. */
export const ANONYMOUS_BOOKING_LABEL = "Booked";
export const HOLD_LABEL = "Reserved";
export const BLOCKER_LABEL = "Blocked";

/** A booking's label for members: its customers' names, then the event type's title ("Jane Doe - Workshop"). */
export function bookingLabel(customers: readonly { firstName: string; lastName: string }[], title: string | null): string {
  const names = customers.map((c) => `${c.firstName} ${c.lastName}`.trim()).join(", ");
  return [names, title].filter((part) => part && part.length > 0).join(" - ") || "Booking";
}
