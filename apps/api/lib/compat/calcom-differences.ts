/**
 * Every deliberate difference between what Slotbase sends and Cal.com's published contracts
 * (../shared/contracts in the workspace; copies the tests read live in apps/api/test/contracts).
 * The contract tests (apps/api/test/support/calcom-contract.ts) check every v1 and v2
 * response a test receives against Cal.com's document and fail on any mismatch that is not
 * listed here; the README's "Differences from Cal.com" section lists each entry (a test
 * checks that it does).
 */
export interface CalcomDifference {
  /** The operation as this project documents it, e.g. "GET /v2/bookings" or "POST /v1/bookings". */
  operation: string;
  /**
   * Where in the success body the difference is, as a JSON pointer whose `*` segments match
   * any key or index, e.g. "/data/*\/attendees/*\/phoneNumber"; "" for the whole body;
   * "status" when the success status code itself differs; "request" when what differs is what
   * the operation accepts or refuses (its error answers), not the shape of its success body.
   */
  pointer: string;
  /** What differs, in one sentence a Cal.com user understands. */
  what: string;
  /** Why Slotbase differs (a Cal.com bug it fixes, a feature it does not have...). */
  why: string;
}

export const calcomDifferences: CalcomDifference[] = [
  // v2 webhooks: /v2/webhooks and /v2/event-types/{eventTypeId}/webhooks (README "Webhooks").
  ...(
    [
      ["GET /v2/webhooks", "/data/*"],
      ["POST /v2/webhooks", "/data"],
      ["GET /v2/webhooks/{webhookId}", "/data"],
      ["PATCH /v2/webhooks/{webhookId}", "/data"],
      ["DELETE /v2/webhooks/{webhookId}", "/data"],
      ["GET /v2/event-types/{eventTypeId}/webhooks", "/data/*"],
      ["POST /v2/event-types/{eventTypeId}/webhooks", "/data"],
      ["GET /v2/event-types/{eventTypeId}/webhooks/{webhookId}", "/data"],
      ["PATCH /v2/event-types/{eventTypeId}/webhooks/{webhookId}", "/data"],
      ["DELETE /v2/event-types/{eventTypeId}/webhooks/{webhookId}", "/data"],
    ] as const
  ).flatMap(([operation, webhook]): CalcomDifference[] => [
    {
      operation,
      pointer: `${webhook}/id`,
      what: "The webhook's id is a string (a UUID), not a number.",
      why: "Cal.com publishes a number but sends its own string id (Webhook.id is a string; its e2e tests expect any(String)), and the path takes it as a string: Slotbase sends what Cal.com really sends.",
    },
    {
      operation,
      pointer: `${webhook}/payloadTemplate`,
      what: "payloadTemplate is null when the webhook has no template.",
      why: "Cal.com publishes a required string but sends the stored null too (its output copies the row); Slotbase sends what Cal.com really sends.",
    },
    {
      operation,
      pointer: `${webhook}/secret`,
      what: "The secret is never sent back.",
      why: "Cal.com echoes the signing secret in every webhook answer (a leak: any key that may read webhooks learns it); the secret is write-only in Slotbase, as on v1. n8n's Cal Trigger then skips signature checks for a webhook it finds rather than creates.",
    },
  ]),
  ...(["POST /v2/webhooks", "POST /v2/event-types/{eventTypeId}/webhooks"] as const).map(
    (operation): CalcomDifference => ({
      operation,
      pointer: "request",
      what: "A second webhook with the same subscriber URL is created (201), not refused with 409; an empty triggers list is a 400.",
      why: "Slotbase's webhooks (v1 and v2 share them) allow several subscriptions to one URL, and a webhook must subscribe to at least one event, as on v1.",
    }),
  ),
  ...(["GET /v2/webhooks/{webhookId}", "PATCH /v2/webhooks/{webhookId}", "DELETE /v2/webhooks/{webhookId}"] as const).map(
    (operation): CalcomDifference => ({
      operation,
      pointer: "request",
      what: "Another user's webhook, or one on an event type, is a 404 (Cal.com: 403).",
      why: "Slotbase never confirms that another user's object exists; an event type's webhook is addressed under /v2/event-types/{eventTypeId}/webhooks.",
    }),
  ),
  // v2 event types, cal-api-version 2024-06-14 (README "Event types (v2)").
  ...(
    [
      ["GET /v2/event-types", "/data/*"],
      ["POST /v2/event-types", "/data"],
      ["GET /v2/event-types/{eventTypeId}", "/data"],
      ["PATCH /v2/event-types/{eventTypeId}", "/data"],
    ] as const
  ).flatMap(([operation, eventType]): CalcomDifference[] => [
    {
      operation,
      pointer: `${eventType}/bookingWindow`,
      what: "bookingWindow is one object ({ type, value, rolling }, a range, or { disabled: true }), not an array.",
      why: "Cal.com publishes an array of windows but declares and sends a single BookingWindow_2024_06_14 object (transformFutureBookingLimitsInternalToApi): Slotbase sends what Cal.com really sends.",
    },
    {
      operation,
      pointer: `${eventType}/seats`,
      what: "seats is { disabled: true } for an event type without seats.",
      why: "Cal.com publishes only Seats_2024_06_14 but sends { disabled: true } when seats are off (transformSeatsInternalToApi): Slotbase sends what Cal.com really sends.",
    },
  ]),
  ...(["GET /v2/event-types/{eventTypeId}", "PATCH /v2/event-types/{eventTypeId}"] as const).map(
    (operation): CalcomDifference => ({
      operation,
      pointer: "/data/ownerId",
      what: "A team event type is served too, with ownerId null, its teamId and its hosts as users; its team's OWNER/ADMINs may change and delete it.",
      why: "Slotbase serves event types with the access rules of /v1/event-types (team members read a team's types, OWNER/ADMIN change them), where Cal.com's 2024-06-14 output has only owner-held types.",
    }),
  ),
  {
    operation: "GET /v2/event-types",
    pointer: "request",
    what: "A key is required (401 without one); username lists the key's own types (admins: anyone's) and another user's name is a 403; usernames (the dynamic group type) is a 400.",
    why: "Every Slotbase operation needs a key and event types follow /v1/event-types' access rules (Cal.com lists anyone's non-hidden types to anyone); there is no dynamic group event type (several users are booked with a slug and usernameList on /v1/slots and /v1/bookings).",
  },
  ...(["POST /v2/event-types", "PATCH /v2/event-types/{eventTypeId}"] as const).map(
    (operation): CalcomDifference => ({
      operation,
      pointer: "request",
      what: "Settings of features Slotbase lacks (bookingFields, booking limits, colour, booker layouts, Cal Video, destinationCalendar, rolling windows, confirmation thresholds...) are a 400 naming the field unless sent in their off form ({ disabled: true }, false, 0).",
      why: "Slotbase has none of these features; storing such settings would promise behaviour that never happens.",
    }),
  ),
  // v2 schedules, cal-api-version 2024-06-11 (README "Schedules (v2)").
  {
    operation: "GET /v2/schedules/default",
    pointer: "request",
    what: "A user without a default schedule gets 404 not_found, not 200 with data: null.",
    why: "Cal.com's own contract (GetDefaultScheduleOutput_2024_06_11) requires a schedule in data; a 404 says plainly that there is none.",
  },
  {
    operation: "DELETE /v2/schedules/{scheduleId}",
    pointer: "request",
    what: "Deleting the owner's default schedule is refused with 409 conflict; make another schedule the default first (PATCH it with isDefault: true).",
    why: "Cal.com deletes it and leaves the user without a default schedule, so event types without a schedule of their own cannot be booked until a new default is set (its own docs: until the user has a default schedule the user can't be booked).",
  },
  {
    operation: "POST /v2/schedules",
    pointer: "/data/isDefault",
    what: "A user's first schedule becomes their default even when created with isDefault: false (isDefault is true in the answer); a user has at most 100 schedules (409).",
    why: "Cal.com would leave the user without a default schedule, and so unbookable; the first schedule becoming the default is what /v1/schedules does too.",
  },
  ...(["GET /v2/schedules/{scheduleId}", "PATCH /v2/schedules/{scheduleId}", "DELETE /v2/schedules/{scheduleId}"] as const).map(
    (operation): CalcomDifference => ({
      operation,
      pointer: "request",
      what: "Another user's schedule, or one that does not exist, is a 404 (Cal.com: 403, and 400 for deleting a missing one); an admin's key may act on anyone's schedule.",
      why: "Slotbase never confirms that another user's object exists, and follows /v1/schedules' access rules (system admins manage every user's schedules).",
    }),
  ),
  // v2 bookings, cal-api-version 2024-08-13 (README "Bookings and slots (v2)").
  ...(
    [
      ["GET /v2/bookings", "/data/*"],
      ["POST /v2/bookings", "/data"],
      ["GET /v2/bookings/{bookingUid}", "/data"],
      ["POST /v2/bookings/{bookingUid}/reschedule", "/data"],
      ["POST /v2/bookings/{bookingUid}/cancel", "/data"],
      ["POST /v2/bookings/{bookingUid}/mark-absent", "/data"],
      ["POST /v2/bookings/{bookingUid}/confirm", "/data"],
      ["POST /v2/bookings/{bookingUid}/decline", "/data"],
      ["PATCH /v2/bookings/{bookingUid}/location", "/data"],
    ] as const
  ).flatMap(([operation, booking]): CalcomDifference[] =>
    ["eventTypeId", "eventType"].map((field) => ({
      operation,
      pointer: `${booking}/${field}`,
      what: "eventTypeId and eventType are null for a booking that has no event type (a workspace calendar's booking, made through /v1/calendar-events).",
      why: "Such bookings do not exist in Cal.com; Slotbase shows them on the same booking endpoints rather than hiding them from their host.",
    })),
  ),
  // v1 lists (README "Lists and paging"): the whole list up to a cap, with paging headers.
  ...(
    [
      ["GET /v1/users", "/users/*"],
      ["GET /v1/event-types", "/event_types/*"],
      ["GET /v1/teams/{teamId}/event-types", "/event_types/*"],
      ["GET /v1/attendees", "/attendees/*"],
      ["GET /v1/booking-references", "/booking_references/*"],
      ["GET /v1/memberships", "/memberships/*"],
      ["GET /v1/schedules", "/schedules/*"],
      ["GET /v1/webhooks", "/webhooks/*"],
      ["GET /v1/custom-inputs", "/event_type_custom_inputs/*"],
      ["GET /v1/destination-calendars", "/destinationCalendars/*"],
      ["GET /v1/selected-calendars", "/selected_calendars/*"],
      ["GET /v1/payments", "/payments/*"],
      ["GET /v1/api-keys", "/api_keys/*"],
      ["GET /v1/teams", "/teams/*"],
    ] as const
  ).map(
    ([operation, rows]): CalcomDifference => ({
      operation,
      pointer: rows,
      what: "Without take and page the list holds at most 1000 rows (LIST_ALL_CAP); X-Total-Count says how many match and Link rel=\"next\" points to the rest.",
      why: "Cal.com answers every row in one body however many there are; Slotbase bounds one answer's size and, rather than truncating silently, counts and links the rest (Cal.com sends neither header).",
    }),
  ),
  {
    operation: "GET /v1/memberships",
    pointer: "/memberships/*/team",
    what: "With include=team, the team is shown as GET /v1/teams/{teamId} shows it (the public team fields), and not at all on an invitation to a team the caller has not joined.",
    why: "Cal.com adds the whole team row to any membership the caller sees; Slotbase never shows more of a team than its own team endpoint would.",
  },
  ...(["GET /v1/availability", "GET /v1/users/{id}/availability", "GET /v1/teams/{teamId}/availability"] as const).flatMap((operation): CalcomDifference[] => [
    {
      operation,
      pointer: "request",
      what: "eventTypeId must name an event type the caller may read (with teamId, one of that team's), else 404; it changes the availability of its hosts only.",
      why: "Cal.com reads any event type by id, for anyone, and applies its schedule even to users who do not host it; Slotbase does not reveal event types a caller may not read.",
    },
    {
      operation,
      pointer: operation === "GET /v1/teams/{teamId}/availability" ? "/*/availability/datesOutOfOffice" : "/datesOutOfOffice",
      what: "datesOutOfOffice is always empty.",
      why: "Slotbase has no out-of-office entries.",
    },
  ]),
  {
    operation: "GET /v1/slots",
    pointer: "request",
    what: "A non-empty orgSlug is a 404 naming query.orgSlug.",
    why: "Slotbase has no organizations: Cal.com would look the users or team up inside that organization, and answering with a same-named user outside it would book the wrong person.",
  },
  {
    operation: "GET /v1/slots",
    pointer: "/slots/*",
    what: "With teamMemberEmail, a round-robin type falls back to every host's slots when that host has none in the range asked (Cal.com: none in the next two weeks).",
    why: "Slotbase answers from the range the client asked for, without reading two weeks ahead.",
  },
  {
    operation: "POST /v2/bookings",
    pointer: "request",
    what: "instant: true is a 400; routing takes effect through teamMemberIds only; emailVerificationCode and organizationSlug are accepted and change nothing.",
    why: "Slotbase has no instant meetings, routing forms, CRM owners, booker email verification or organizations; teamMemberIds (which hosts may take a round-robin booking) is the part of routing it can honour.",
  },
  {
    operation: "POST /v2/bookings",
    pointer: "request",
    what: "Without a key, a hidden event type is a 404 (with a key it is booked as any other).",
    why: "A booking page without a secret should reach only what its owner publishes; hidden types are for links given out by the owner's own software, which holds a key.",
  },
  {
    operation: "POST /v2/bookings",
    pointer: "request",
    what: "A recurring event type's occurrences fall at the same wall-clock time in the attendee's time zone; on v1, POST /v1/bookings books one occurrence, not the series.",
    why: "The attendee's week is the one the series follows (09:00 stays 09:00 across daylight-saving changes); v1's create answers one booking, and the series is v2's.",
  },
  {
    operation: "POST /v2/bookings/{bookingUid}/reschedule",
    pointer: "request",
    what: "rescheduledBy is accepted, but the booking records the email of the key's own user as who rescheduled it.",
    why: "An address a client names proves nothing; the same rule as cancelledBy on v1.",
  },
  {
    operation: "GET /v2/bookings",
    pointer: "request",
    what: "Cursor pages (cal-api-version 2026-05-01) walk one sort key, start time by default, with limit up to 250; status may list several values; skip with a cursor is a 400.",
    why: "Slotbase's cursor is a keyset over (sort key, id), which costs the same on any page; Cal.com's walks its uuid, which it derives from the start time. Several statuses and larger pages are supersets of what Cal.com accepts.",
  },
  {
    operation: "GET /v2/bookings",
    pointer: "request",
    what: "Offset pages reach 10,000 bookings deep (a larger skip is a 400 naming skip) and count up to 20,000: beyond, totalItems is 20,000 and the added totalItemsExact is false; ties are broken by id in the sort's direction.",
    why: "Skipping and counting are what makes an offset page grow with the table (Cal.com's lists slow down as bookings accumulate); cursor paging goes any depth at the same cost per page, and ties broken alike let a client go on from an offset page with a cursor.",
  },
  {
    operation: "GET /v1/bookings",
    pointer: "request",
    what: "A page starting deeper than 10,000 bookings is a 400 naming page; X-Total-Count counts up to 20,000 (X-Total-Count-Exact: false beyond); past that depth Link rel=\"next\" carries a cursor, which the cursor parameter accepts.",
    why: "Skipping and counting are what makes an offset page grow with the table; a cursor page costs the same at any depth, and following Link keeps working however long the list is.",
  },
  {
    operation: "POST /v2/bookings/{bookingUid}/reschedule",
    pointer: "/data/seatUid",
    what: "Moving a whole seated booking (without seatUid: the organizer side, or someone holding every seat) answers the seated booking without a top-level seatUid.",
    why: "No one seat was moved, so there is no seat to name; Cal.com moves seats one at a time and answers the moved seat's uid, which Slotbase does too when seatUid is sent.",
  },
  // v1 (README "Access", "Bookings", "More Cal.com v1 resources", "Webhooks").
  {
    operation: "GET /v1/bookings/{id}",
    pointer: "request",
    what: "On every v1 operation, an object the caller may not see is a 404 and one they may see but not change is a 403 (Cal.com v1: 401 for both).",
    why: "A 401 means the key is wrong; Slotbase never confirms that another tenant's object exists, and tells a caller who may read something that they may not change it.",
  },
  {
    operation: "GET /v1/availability",
    pointer: "request",
    what: "What a busy time is (its title) is shown only to the user, OWNER/ADMINs of a team they are in and system admins; everyone else sees its start and end.",
    why: "Cal.com v1 showed the titles and notes of other people's meetings to anyone who could ask for their availability.",
  },
  ...(["DELETE /v1/bookings/{id}", "DELETE /v1/bookings/{id}/cancel"] as const).map(
    (operation): CalcomDifference => ({
      operation,
      pointer: "request",
      what: "cancelledBy is accepted, but the booking records the email of the key's own user as who cancelled it.",
      why: "An address a client names proves nothing.",
    }),
  ),
  {
    operation: "POST /v1/destination-calendars",
    pointer: "request",
    what: "A destination calendar made by someone who is not an admin belongs to them, and a bookingId must name one of their bookings.",
    why: "Cal.com stored such calendars with no user and did not check bookingId, so anyone could attach a calendar to anyone's booking.",
  },
  {
    operation: "POST /v1/selected-calendars",
    pointer: "request",
    what: "A selected calendar whose id would not read back to the same user, integration and externalId is refused (400 ambiguous_id); an externalId may contain _calendar_.",
    why: "Cal.com stored such calendars, which its own id format then made unreachable.",
  },
  {
    operation: "POST /v1/webhooks",
    pointer: "request",
    what: "On v1, eventTriggers may be one name or an array, BOOKING_PAID is not offered, and answers carry hasSecret instead of the secret.",
    why: "There is no payment flow to pay through; a secret is write-only.",
  },
  {
    operation: "GET /v2/slots",
    pointer: "request",
    what: "A non-empty organizationSlug is a 404 naming query.organizationSlug; usernames needs eventTypeSlug (the first user's event type of that slug).",
    why: "Slotbase has no organizations, and answering for a same-named user outside one would book the wrong person; slots are always those of an event type (there is no event-type-less dynamic group).",
  },
];
