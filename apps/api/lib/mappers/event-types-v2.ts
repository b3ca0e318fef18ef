import { seriesRecurrenceOf, storedRecurringEvent, type EventTypeFields, type EventTypeLocation, type EventTypePerson, type EventTypeWithHosts } from "@slotbase/features";
import type { z } from "zod";
import {
  INTEGRATION_LOCATIONS,
  type BookingFieldV2,
  type EventTypeCreateBodyV2,
  type EventTypeUpdateBodyV2,
  type EventTypeUserV2,
  type EventTypeV2,
  type Integration,
  type LocationInputV2,
  type LocationV2,
} from "../schemas/event-types-v2";

/*
 * Cal.com v2 (2024-06-14) event types ↔ the event-type service. Locations are stored in
 * Cal.com's internal form (the one v1 reads and writes: inPerson, link, userPhone,
 * integrations:daily...), and shown in v2's (address, link, phone, integration...).
 */

type UpdateBody = z.output<typeof EventTypeUpdateBodyV2>;
type CreateBody = z.output<typeof EventTypeCreateBodyV2>;
type Output = z.input<typeof EventTypeV2>;

const INTEGRATION_BY_TYPE = new Map<string, Integration>(Object.entries(INTEGRATION_LOCATIONS).map(([api, stored]) => [stored, api as Integration]));

function toStoredLocation(location: z.output<typeof LocationInputV2>): EventTypeLocation {
  switch (location.type) {
    case "address":
      return { type: "inPerson", address: location.address, displayLocationPublicly: location.public ?? false };
    case "link":
      return { type: "link", link: location.link, displayLocationPublicly: location.public ?? false };
    case "phone":
      return { type: "userPhone", phone: location.phone, displayLocationPublicly: location.public ?? false };
    case "integration":
      return { type: INTEGRATION_LOCATIONS[location.integration] };
    case "attendeeAddress":
      return { type: "attendeeInPerson" };
    case "attendeePhone":
      return { type: "phone" };
    case "attendeeDefined":
      return { type: "somewhereElse" };
  }
}

/** A stored location in v2's form; null for an organizer location without its address, link or number (Cal.com leaves those out). */
function toLocationV2(location: EventTypeLocation): z.input<typeof LocationV2> | null {
  const shown = location.displayLocationPublicly ?? false;
  switch (location.type) {
    case "inPerson":
      return location.address ? { type: "address", address: location.address, public: shown } : null;
    case "link":
      return location.link ? { type: "link", link: location.link, public: shown } : null;
    case "userPhone":
      return location.phone ? { type: "phone", phone: location.phone, public: shown } : null;
    case "phone":
      // Cal.com's "phone" is the attendee's number; v1 here also stores the host's number under it.
      return location.phone ? { type: "phone", phone: location.phone, public: shown } : { type: "attendeePhone" };
    case "attendeeInPerson":
      return { type: "attendeeAddress" };
    case "somewhereElse":
      return { type: "attendeeDefined" };
    case "conferencing":
      return { type: "organizersDefaultApp" };
  }
  const integration = INTEGRATION_BY_TYPE.get(location.type);
  if (integration) return { type: "integration", integration, ...(location.link ? { link: location.link } : {}) };
  return { type: "unknown", location: JSON.stringify(location) };
}

function toLocationsV2(stored: unknown): z.input<typeof LocationV2>[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((location) => {
    if (location === null || typeof location !== "object" || typeof (location as { type?: unknown }).type !== "string") {
      return [{ type: "unknown" as const, location: JSON.stringify(location) }];
    }
    const shown = toLocationV2(location as EventTypeLocation);
    return shown ? [shown] : [];
  });
}

/** The booking form's built-in fields, as Cal.com shows an event type without custom booking fields. */
function bookingFieldsV2(eventType: EventTypeWithHosts): z.input<typeof BookingFieldV2>[] {
  return [
    { isDefault: true, type: "name", slug: "name", label: "Your name", placeholder: "", required: true, hidden: false, disableOnPrefill: false },
    { isDefault: true, type: "email", slug: "email", label: "Email address", placeholder: "", required: true, hidden: false, disableOnPrefill: false },
    { isDefault: true, type: "radioInput", slug: "location", label: "Location", required: false, hidden: false },
    { isDefault: true, type: "textarea", slug: "notes", label: "Additional notes", placeholder: "", required: false, hidden: false, disableOnPrefill: false },
    { isDefault: true, type: "multiemail", slug: "guests", label: "Add guests", placeholder: "", required: false, hidden: eventType.disableGuests, disableOnPrefill: false },
    { isDefault: true, type: "textarea", slug: "rescheduleReason", label: "Reason for reschedule", placeholder: "", required: false, hidden: false, disableOnPrefill: false },
  ];
}

const asObject = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const dayOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

function bookingWindowV2(eventType: EventTypeWithHosts): Output["bookingWindow"] {
  if (eventType.periodType === "ROLLING" && eventType.periodDays) {
    return { type: eventType.periodCountCalendarDays ? "calendarDays" : "businessDays", value: eventType.periodDays, rolling: false };
  }
  if (eventType.periodType === "RANGE") return { type: "range", value: [dayOf(eventType.periodStartDate), dayOf(eventType.periodEndDate)] };
  return { disabled: true };
}

function toUserV2(person: EventTypePerson): z.input<typeof EventTypeUserV2> {
  return {
    id: person.id,
    name: person.name,
    username: person.username,
    avatarUrl: person.avatarUrl,
    weekStart: person.weekStart,
    brandColor: person.brandColor,
    darkBrandColor: person.darkBrandColor,
    metadata: {},
  };
}

/** The other durations a booker may pick (metadata.multipleDuration), as the slots engine reads them. */
function durationOptions(metadata: Record<string, unknown>): number[] | undefined {
  const listed = metadata.multipleDuration;
  return Array.isArray(listed) ? listed.filter((d): d is number => Number.isInteger(d)) : undefined;
}

/** The event type's stored recurringEvent as v2's recurrence (`occurrences` is Cal.com's name for the count). */
function recurrenceV2(stored: unknown): Output["recurrence"] {
  const recurrence = seriesRecurrenceOf(stored);
  return recurrence && { frequency: recurrence.frequency, interval: recurrence.interval, occurrences: recurrence.count };
}

/** Cal.com's EventTypeOutput_2024_06_14. */
export function toEventTypeV2(eventType: EventTypeWithHosts): Output {
  const metadata = asObject(eventType.metadata);
  const options = durationOptions(metadata);
  const seated = eventType.seatsPerTimeSlot !== null;
  return {
    id: eventType.id,
    ownerId: eventType.userId,
    ...(eventType.teamId !== null ? { teamId: eventType.teamId } : {}),
    lengthInMinutes: eventType.length,
    ...(options ? { lengthInMinutesOptions: options } : {}),
    title: eventType.title,
    slug: eventType.slug,
    description: eventType.description ?? "",
    locations: toLocationsV2(eventType.locations),
    bookingFields: bookingFieldsV2(eventType),
    disableGuests: eventType.disableGuests,
    slotInterval: eventType.slotInterval,
    minimumBookingNotice: eventType.minimumBookingNotice,
    beforeEventBuffer: eventType.beforeEventBuffer,
    afterEventBuffer: eventType.afterEventBuffer,
    recurrence: recurrenceV2(eventType.recurringEvent),
    metadata,
    price: eventType.price,
    currency: eventType.currency,
    lockTimeZoneToggleOnBookingPage: false,
    seatsPerTimeSlot: eventType.seatsPerTimeSlot,
    forwardParamsSuccessRedirect: true,
    successRedirectUrl: eventType.successRedirectUrl,
    isInstantEvent: false,
    seatsShowAvailabilityCount: seated,
    scheduleId: eventType.scheduleId,
    onlyShowFirstAvailableSlot: false,
    bookingWindow: bookingWindowV2(eventType),
    confirmationPolicy: eventType.requiresConfirmation ? { type: "always", blockUnconfirmedBookingsInBooker: true } : { disabled: true },
    requiresBookerEmailVerification: false,
    hideCalendarNotes: eventType.hideCalendarNotes,
    seats: seated
      ? { seatsPerTimeSlot: eventType.seatsPerTimeSlot!, showAttendeeInfo: eventType.seatsShowAttendees ?? false, showAvailabilityCount: true }
      : { disabled: true },
    offsetStart: 0,
    ...(eventType.eventName ? { customName: eventType.eventName } : {}),
    ...(eventType.destinationCalendar ? { destinationCalendar: eventType.destinationCalendar } : {}),
    useDestinationCalendarEmail: false,
    hideCalendarEventDetails: false,
    hideOrganizerEmail: false,
    hidden: eventType.hidden,
    bookingRequiresAuthentication: false,
    users: (eventType.owner ? [eventType.owner] : eventType.hosts.map((host) => host.user)).map(toUserV2),
  };
}

/** As GET /v2/event-types lists it: Cal.com leaves the hidden booking fields out of lists. */
export function toListedEventTypeV2(eventType: EventTypeWithHosts): Output {
  const shown = toEventTypeV2(eventType);
  return { ...shown, bookingFields: shown.bookingFields.filter((field) => !field.hidden) };
}

/** DeleteEventTypeOutput_2024_06_14's data. */
export const toDeletedEventTypeV2 = (eventType: EventTypeWithHosts) => ({
  id: eventType.id,
  lengthInMinutes: eventType.length,
  title: eventType.title,
  slug: eventType.slug,
});

/** The service's booking period fields from Cal.com's bookingWindow. */
function periodFields(window: NonNullable<UpdateBody["bookingWindow"]>): EventTypeFields {
  if ("disabled" in window) return { periodType: "UNLIMITED" };
  if (window.type === "range") {
    const [first, last] = window.value;
    // The engine reads the end as a local day in the host's zone: noon UTC is that day in every usual zone.
    return { periodType: "RANGE", periodStartDate: new Date(`${first}T00:00:00Z`), periodEndDate: new Date(`${last}T12:00:00Z`) };
  }
  return { periodType: "ROLLING", periodDays: window.value, periodCountCalendarDays: window.type === "calendarDays" };
}

/** The event-type service's fields from a v2 body (fields not sent stay undefined, so unchanged). */
export function fromEventTypeBodyV2(body: UpdateBody): EventTypeFields {
  const fields: EventTypeFields = {
    title: body.title,
    slug: body.slug,
    description: body.description,
    length: body.lengthInMinutes,
    multipleDuration: body.lengthInMinutesOptions,
    hidden: body.hidden,
    locations: body.locations?.map(toStoredLocation),
    eventName: body.customName,
    disableGuests: body.disableGuests,
    hideCalendarNotes: body.hideCalendarNotes,
    minimumBookingNotice: body.minimumBookingNotice,
    beforeEventBuffer: body.beforeEventBuffer,
    afterEventBuffer: body.afterEventBuffer,
    slotInterval: body.slotInterval,
    successRedirectUrl: body.successRedirectUrl,
    scheduleId: body.scheduleId,
    ...(body.bookingWindow ? periodFields(body.bookingWindow) : {}),
    ...(body.confirmationPolicy ? { requiresConfirmation: !("disabled" in body.confirmationPolicy) } : {}),
    ...(body.recurrence
      ? {
          recurringEvent:
            "disabled" in body.recurrence
              ? null
              : storedRecurringEvent({ frequency: body.recurrence.frequency, interval: body.recurrence.interval, count: body.recurrence.occurrences }),
        }
      : {}),
    ...(body.seats
      ? "disabled" in body.seats
        ? { seatsPerTimeSlot: null, seatsShowAttendees: false }
        : { seatsPerTimeSlot: body.seats.seatsPerTimeSlot, seatsShowAttendees: body.seats.showAttendeeInfo }
      : {}),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as EventTypeFields;
}

export function fromEventTypeCreateBodyV2(body: CreateBody) {
  return { ...fromEventTypeBodyV2(body), title: body.title, slug: body.slug, length: body.lengthInMinutes };
}

/** Where the service's field names were sent in a v2 body (for error details). */
export const EVENT_TYPE_FIELDS_V2 = {
  length: "body.lengthInMinutes",
  multipleDuration: "body.lengthInMinutesOptions",
  eventName: "body.customName",
  periodType: "body.bookingWindow",
  periodDays: "body.bookingWindow",
  periodStartDate: "body.bookingWindow",
  periodEndDate: "body.bookingWindow",
  seatsPerTimeSlot: "body.seats",
  requiresConfirmation: "body.confirmationPolicy",
};
