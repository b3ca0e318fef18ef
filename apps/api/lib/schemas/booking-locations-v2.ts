import { z } from "zod";
import { locationText } from "./booking-inputs";
import { INTEGRATION_LOCATIONS, type Integration } from "./event-types-v2";

/**
 * Cal.com v2's typed booking locations (BookingInput*Location_2024_08_13 and, on PATCH
 * .../location, UpdateBooking*Location_2024_08_13), or free text.
 */

const INTEGRATION_NAMES = Object.keys(INTEGRATION_LOCATIONS) as [Integration, ...Integration[]];

const phone = () => z.string().trim().min(3).max(50);
const link = () => z.url({ protocol: /^https?$/ }).max(1000);

const attendeeLocations = [
  z.object({ type: z.literal("attendeeAddress"), address: locationText() }).strict(),
  z.object({ type: z.literal("attendeePhone"), phone: phone() }).strict(),
  z.object({ type: z.literal("attendeeDefined"), location: locationText() }).strict(),
] as const;

export const BookingLocationV2 = z
  .union([
    locationText(),
    z.discriminatedUnion("type", [
      z.object({ type: z.literal("address") }).strict().describe("The organizer's address (the event type's in-person location)."),
      z.object({ type: z.literal("link") }).strict().describe("The organizer's link (the event type's link location)."),
      z.object({ type: z.literal("phone") }).strict().describe("The organizer's phone (the event type's phone location)."),
      z.object({ type: z.literal("organizersDefaultApp") }).strict().describe("The event type's first conferencing app."),
      z.object({ type: z.literal("integration"), integration: z.enum(INTEGRATION_NAMES) }).strict(),
      ...attendeeLocations,
    ]),
  ])
  .describe("Where the meeting happens: one of Cal.com's location objects, or free text.");

export const BookingLocationUpdateV2 = z
  .union([
    locationText(),
    z.discriminatedUnion("type", [
      z.object({ type: z.literal("address"), address: locationText() }).strict(),
      z.object({ type: z.literal("link"), link: link() }).strict(),
      z.object({ type: z.literal("phone"), phone: phone() }).strict(),
      ...attendeeLocations,
    ]),
  ])
  .describe("The new location: one of Cal.com's location objects, or free text.");
