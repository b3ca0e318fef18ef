import type { z } from "zod";
import type { BookingLocationInput } from "@slotbase/features";
import type { BookingLocationUpdateV2, BookingLocationV2 } from "../schemas/booking-locations-v2";
import { INTEGRATION_LOCATIONS } from "../schemas/event-types-v2";

type CreateLocation = z.infer<typeof BookingLocationV2>;
type UpdateLocation = z.infer<typeof BookingLocationUpdateV2>;

type AttendeeLocation = Extract<CreateLocation, { type: "attendeeAddress" | "attendeePhone" | "attendeeDefined" }>;

const attendeeText = (location: AttendeeLocation) =>
  location.type === "attendeeAddress" ? location.address : location.type === "attendeePhone" ? location.phone : location.location;

/** A location as the booking service takes it: text, or the organizer's own (looked up on the event type). */
export function toBookingLocation(location: CreateLocation): BookingLocationInput {
  if (typeof location === "string") return location;
  switch (location.type) {
    case "integration":
      return INTEGRATION_LOCATIONS[location.integration];
    case "address":
    case "link":
    case "phone":
      return { organizer: location.type };
    case "organizersDefaultApp":
      return { organizer: "app" };
    default:
      return attendeeText(location);
  }
}

/** PATCH .../location: every typed location carries its text. */
export function toLocationText(location: UpdateLocation): string {
  if (typeof location === "string") return location;
  switch (location.type) {
    case "address":
      return location.address;
    case "link":
      return location.link;
    case "phone":
      return location.phone;
    default:
      return attendeeText(location);
  }
}
