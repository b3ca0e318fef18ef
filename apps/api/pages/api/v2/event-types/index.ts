import { createEventType, listEventTypes } from "@slotbase/features";
import { successV2 } from "../../../../lib/mappers/bookings";
import { EVENT_TYPE_FIELDS_V2, fromEventTypeCreateBodyV2, toEventTypeV2, toListedEventTypeV2 } from "../../../../lib/mappers/event-types-v2";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { EventTypeCreateBodyV2, EventTypeListResponseV2, EventTypeResponseV2, ListEventTypesQueryV2 } from "../../../../lib/schemas/event-types-v2";

export const config = { api: { bodyParser: false } };

/** Cal.com answers with every event type at once: no paging, up to this many. */
const ALL = { take: 1000, page: 1 };

/**
 * @swagger
 * /v2/event-types:
 *   get:
 *     operationId: listEventTypesV2
 *     summary: List event types
 *     description: >
 *       Cal.com v2's event type list (`cal-api-version: 2024-06-14`; the header is accepted and
 *       this shape is served whatever its value), `{ status, data: [...] }` with every type at
 *       once (at most 1000, by id). Without filters: the key's own personal event types
 *       (hidden ones included). `username`: that user's personal types, which only the user
 *       themself and admins may list (anyone else gets 403, whether or not the user exists);
 *       with `eventSlug` too, the one type of that slug, still as an array. `orgSlug` and
 *       `orgId` are accepted, but there are no organizations here, so they list nothing.
 *       `usernames` (Cal.com's dynamic group type) is a 400. Booking fields the booker does
 *       not see are left out, as Cal.com does in lists. Any key with `event-types:read`.
 *     tags: ["v2 · Event types"]
 *     x-access: event-types-list-v2
 *     x-scope: event-types:read
 *     x-query: ListEventTypesQueryV2
 *     responses:
 *       200:
 *         description: The event types
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/EventTypeListResponseV2" }
 *             example:
 *               status: success
 *               data:
 *                 - id: 12
 *                   ownerId: 7
 *                   lengthInMinutes: 30
 *                   title: Intro call
 *                   slug: intro-call
 *                   description: ""
 *                   locations: [{ type: integration, integration: cal-video }]
 *                   bookingFields: [{ isDefault: true, type: name, slug: name, label: Your name, placeholder: "", required: true, hidden: false, disableOnPrefill: false }]
 *                   disableGuests: false
 *                   slotInterval: null
 *                   minimumBookingNotice: 120
 *                   beforeEventBuffer: 0
 *                   afterEventBuffer: 0
 *                   recurrence: null
 *                   metadata: {}
 *                   price: 0
 *                   currency: usd
 *                   lockTimeZoneToggleOnBookingPage: false
 *                   seatsPerTimeSlot: null
 *                   forwardParamsSuccessRedirect: true
 *                   successRedirectUrl: null
 *                   isInstantEvent: false
 *                   seatsShowAvailabilityCount: false
 *                   scheduleId: null
 *                   onlyShowFirstAvailableSlot: false
 *                   bookingWindow: { disabled: true }
 *                   confirmationPolicy: { disabled: true }
 *                   requiresBookerEmailVerification: false
 *                   hideCalendarNotes: false
 *                   seats: { disabled: true }
 *                   offsetStart: 0
 *                   useDestinationCalendarEmail: false
 *                   hideCalendarEventDetails: false
 *                   hideOrganizerEmail: false
 *                   hidden: false
 *                   bookingRequiresAuthentication: false
 *                   users: [{ id: 7, name: Ada Lovelace, username: ada, avatarUrl: null, weekStart: Monday, brandColor: null, darkBrandColor: null, metadata: {} }]
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: createEventTypeV2
 *     summary: Create an event type
 *     description: >
 *       Cal.com v2's `CreateEventTypeInput_2024_06_14` (`cal-api-version: 2024-06-14`; the
 *       header is accepted and this shape is served whatever its value): a personal event type
 *       of the key's user, 201 with the new type. The slug is unique per user (409). Settings
 *       for features Slotbase does not have (booking limits, colours, booker
 *       layouts...) are accepted only in their off form, anything else is a 400 naming the
 *       field. Any key with `event-types:write`.
 *     tags: ["v2 · Event types"]
 *     x-access: event-type-create-v2
 *     x-scope: event-types:write
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/EventTypeCreateBodyV2" }
 *           example:
 *             title: Intro call
 *             slug: intro-call
 *             lengthInMinutes: 30
 *             lengthInMinutesOptions: [15, 30, 60]
 *             locations: [{ type: address, address: 1 Main St, public: true }, { type: integration, integration: cal-video }]
 *             bookingWindow: { type: businessDays, value: 30 }
 *             minimumBookingNotice: 240
 *     responses:
 *       201:
 *         description: The new event type
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/EventTypeResponseV2" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "event-types:read",
    response: EventTypeListResponseV2,
    query: ListEventTypesQueryV2,
    fields: { userId: "query.username" },
    handler: async ({ auth, query }) => {
      // No organizations here: no user belongs to the one named.
      if (query.orgSlug !== undefined || query.orgId !== undefined) return successV2([]);
      const filter = query.username !== undefined ? { username: query.username, slug: query.eventSlug } : { userId: auth.userId };
      return successV2((await listEventTypes(auth, ALL, filter)).items.map(toListedEventTypeV2));
    },
  }),
  POST: endpoint({
    scope: "event-types:write",
    response: EventTypeResponseV2,
    body: EventTypeCreateBodyV2,
    status: 201,
    fields: EVENT_TYPE_FIELDS_V2,
    handler: async ({ auth, body }) => successV2(toEventTypeV2(await createEventType(auth, fromEventTypeCreateBodyV2(body)))),
  }),
});
