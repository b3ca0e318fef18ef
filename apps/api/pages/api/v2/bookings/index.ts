import { createBookingSeries, listBookings, phoneOnlyEmail } from "@slotbase/features";
import { BookingCreateBodyV2, BookingListQueryV2, BookingListResponseV2, BookingOrSeriesResponseV2 } from "../../../../lib/schemas/bookings-v2";
import { listQueryFromV2, successV2, toBookingListV2, toCreatedBookingV2 } from "../../../../lib/mappers/bookings";
import { eventTypeRefV2 } from "../../../../lib/mappers/slots";
import { toBookingLocation } from "../../../../lib/mappers/booking-locations-v2";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/bookings:
 *   get:
 *     operationId: listBookingsV2
 *     summary: List bookings
 *     description: >
 *       The caller's bookings: as host, attendee (by email), event type owner or team OWNER/ADMIN; admins see all.
 *       Filters combine. Two ways to page, as Cal.com: by offset (`take` ≤ 250, default 10, and `skip`),
 *       answered with page numbers and a total in `pagination`; or, with `cal-api-version: 2026-05-01`
 *       (or a `cursor`), by cursor: `limit` ≤ 250 (default 50), then send `pagination.nextCursor` back as
 *       `cursor` until `hasMore` is false. Cursor pages sort by one field (default: start time, forwards for
 *       a single status of upcoming, recurring or unconfirmed, else backwards) and cost the same however deep.
 *     parameters:
 *       - in: header
 *         name: cal-api-version
 *         required: false
 *         schema: { type: string, example: "2026-05-01" }
 *         description: 2026-05-01 selects cursor paging; any other value (or none) offset paging.
 *     tags: ["v2 · Bookings"]
 *     x-access: bookings-list-v2
 *     x-scope: bookings:read
 *     x-query: BookingListQueryV2
 *     responses:
 *       200:
 *         description: Bookings
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingListResponseV2" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   post:
 *     operationId: createBookingV2
 *     summary: Create a booking
 *     description: >
 *       Books a free slot (see GET /v2/slots). requiresConfirmation types create a pending booking; seated
 *       types fill a slot's seats, one attendee per seat. A slot that is not free is a 409 (the database
 *       refuses double bookings however many requests race). Send Idempotency-Key to retry safely.
 *       No key is needed (a public booking page, as Cal.com allows): without one the event type must
 *       not be hidden (else 404), and only the event type's side can later read, cancel or move it.
 *       A recurring event type books the whole series (its count, or `recurrenceCount` occurrences) at
 *       the same wall-clock time in the attendee's zone, all or nothing, and answers the occurrences as
 *       an array sharing one `recurringBookingUid`; an occurrence that is not free is a 409 naming it.
 *     tags: ["v2 · Bookings"]
 *     x-access: booking-create-v2
 *     x-scope: bookings:write
 *     x-idempotent: true
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/BookingCreateBodyV2" }
 *     responses:
 *       201:
 *         description: The booking
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingOrSeriesResponseV2" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "bookings:read",
    response: BookingListResponseV2,
    query: BookingListQueryV2,
    handler: async ({ auth, query, req }) => {
      const listQuery = listQueryFromV2(query, req.headers["cal-api-version"] as string | undefined);
      return toBookingListV2(await listBookings(auth, listQuery), listQuery);
    },
  }),
  POST: endpoint({
    scope: "bookings:write",
    response: BookingOrSeriesResponseV2,
    body: BookingCreateBodyV2,
    status: 201,
    idempotent: true,
    fields: { responses: "body.bookingFieldsResponses" },
    allowAnonymous: true,
    handler: async ({ caller, body }) => {
      const created = await createBookingSeries(
        caller,
        {
          ...(body.eventTypeId !== undefined ? { eventTypeId: body.eventTypeId } : { eventType: eventTypeRefV2(body) }),
          start: body.start,
          lengthInMinutes: body.lengthInMinutes,
          attendee: { ...body.attendee, email: body.attendee.email ?? phoneOnlyEmail(body.attendee.phoneNumber!), locale: body.attendee.language ?? null },
          guests: body.guests,
          location: body.location !== undefined ? toBookingLocation(body.location) : (body.meetingUrl ?? null),
          metadata: body.metadata,
          responses: body.bookingFieldsResponses,
          reservationUid: body.reservationUid,
          eligibleHostIds: body.routing?.teamMemberIds,
        },
        body.recurrenceCount,
      );
      return successV2(created.recurring ? created.bookings.map((booking) => toCreatedBookingV2(booking)) : toCreatedBookingV2(created.bookings[0]!));
    },
  }),
}, { optionalKey: true });
