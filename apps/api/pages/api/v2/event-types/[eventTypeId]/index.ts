import { deleteEventType, getEventType, updateEventType } from "@slotbase/features";
import { successV2 } from "../../../../../lib/mappers/bookings";
import { EVENT_TYPE_FIELDS_V2, fromEventTypeBodyV2, toDeletedEventTypeV2, toEventTypeV2 } from "../../../../../lib/mappers/event-types-v2";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";
import { EventTypeDeletedResponseV2, EventTypeIdQueryV2, EventTypeResponseV2, EventTypeUpdateBodyV2 } from "../../../../../lib/schemas/event-types-v2";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/event-types/{eventTypeId}:
 *   get:
 *     operationId: getEventTypeV2
 *     summary: Get an event type
 *     description: >
 *       Cal.com v2's `EventTypeOutput_2024_06_14` (`cal-api-version: 2024-06-14`; the header is
 *       accepted and this shape is served whatever its value). Personal types: their owner
 *       (admins: any). Team types: accepted members of the team, shown with `ownerId: null`, the
 *       `teamId` and the hosts as `users`. Anyone else gets 404. Any key with `event-types:read`.
 *     tags: ["v2 · Event types"]
 *     x-access: event-type-read
 *     x-scope: event-types:read
 *     x-query: EventTypeIdQueryV2
 *     responses:
 *       200:
 *         description: The event type
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/EventTypeResponseV2" }
 *             example:
 *               status: success
 *               data:
 *                 id: 12
 *                 ownerId: 7
 *                 lengthInMinutes: 30
 *                 lengthInMinutesOptions: [15, 30, 60]
 *                 title: Intro call
 *                 slug: intro-call
 *                 description: A first conversation.
 *                 locations: [{ type: address, address: 1 Main St, public: true }]
 *                 bookingFields: [{ isDefault: true, type: email, slug: email, label: Email address, placeholder: "", required: true, hidden: false, disableOnPrefill: false }]
 *                 disableGuests: false
 *                 slotInterval: 15
 *                 minimumBookingNotice: 240
 *                 beforeEventBuffer: 5
 *                 afterEventBuffer: 10
 *                 recurrence: null
 *                 metadata: { multipleDuration: [15, 30, 60] }
 *                 price: 0
 *                 currency: usd
 *                 lockTimeZoneToggleOnBookingPage: false
 *                 seatsPerTimeSlot: null
 *                 forwardParamsSuccessRedirect: true
 *                 successRedirectUrl: null
 *                 isInstantEvent: false
 *                 seatsShowAvailabilityCount: false
 *                 scheduleId: 3
 *                 onlyShowFirstAvailableSlot: false
 *                 bookingWindow: { type: businessDays, value: 30, rolling: false }
 *                 confirmationPolicy: { type: always, blockUnconfirmedBookingsInBooker: true }
 *                 requiresBookerEmailVerification: false
 *                 hideCalendarNotes: false
 *                 seats: { disabled: true }
 *                 offsetStart: 0
 *                 useDestinationCalendarEmail: false
 *                 hideCalendarEventDetails: false
 *                 hideOrganizerEmail: false
 *                 hidden: false
 *                 bookingRequiresAuthentication: false
 *                 users: [{ id: 7, name: Ada Lovelace, username: ada, avatarUrl: null, weekStart: Monday, brandColor: null, darkBrandColor: null, metadata: {} }]
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: updateEventTypeV2
 *     summary: Update an event type
 *     description: >
 *       Cal.com v2's `UpdateEventTypeInput_2024_06_14` (`cal-api-version: 2024-06-14`; the header
 *       is accepted and this shape is served whatever its value): only the fields sent change;
 *       `lengthInMinutesOptions` keeps the type's other metadata. Personal types: their owner
 *       (admins: any); team types: team OWNER/ADMIN (a plain member gets 403); anyone else 404.
 *       Settings for features Slotbase does not have are accepted only in their off form.
 *       Any key with `event-types:write`.
 *     tags: ["v2 · Event types"]
 *     x-access: event-type-manage
 *     x-scope: event-types:write
 *     x-query: EventTypeIdQueryV2
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/EventTypeUpdateBodyV2" }
 *           example: { title: Intro call (long), lengthInMinutes: 45, seats: { seatsPerTimeSlot: 5, showAttendeeInfo: false, showAvailabilityCount: true } }
 *     responses:
 *       200:
 *         description: The event type, changed
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/EventTypeResponseV2" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 *   delete:
 *     operationId: deleteEventTypeV2
 *     summary: Delete an event type
 *     description: >
 *       Deletes it and answers with its id, length, title and slug, as Cal.com v2 does
 *       (`cal-api-version: 2024-06-14`; the header is accepted whatever its value). Personal
 *       types: their owner (admins: any); team types: team OWNER/ADMIN (a plain member gets 403);
 *       anyone else 404. Any key with `event-types:write`.
 *     tags: ["v2 · Event types"]
 *     x-access: event-type-manage
 *     x-scope: event-types:write
 *     x-query: EventTypeIdQueryV2
 *     responses:
 *       200:
 *         description: The deleted event type
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/EventTypeDeletedResponseV2" }
 *             example: { status: success, data: { id: 12, lengthInMinutes: 30, title: Intro call, slug: intro-call } }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "event-types:read",
    response: EventTypeResponseV2,
    query: EventTypeIdQueryV2,
    handler: async ({ auth, query }) => successV2(toEventTypeV2(await getEventType(auth, query.eventTypeId))),
  }),
  PATCH: endpoint({
    scope: "event-types:write",
    response: EventTypeResponseV2,
    query: EventTypeIdQueryV2,
    body: EventTypeUpdateBodyV2,
    fields: EVENT_TYPE_FIELDS_V2,
    handler: async ({ auth, query, body }) => successV2(toEventTypeV2(await updateEventType(auth, query.eventTypeId, fromEventTypeBodyV2(body)))),
  }),
  DELETE: endpoint({
    scope: "event-types:write",
    response: EventTypeDeletedResponseV2,
    query: EventTypeIdQueryV2,
    handler: async ({ auth, query }) => successV2(toDeletedEventTypeV2(await deleteEventType(auth, query.eventTypeId))),
  }),
});
