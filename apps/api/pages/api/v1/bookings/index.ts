import { createBooking, LIST_MAX_OFFSET, listBookings } from "@slotbase/features";
import { createInputFromV1, listQueryFromV1, toBookingV1 } from "../../../../lib/mappers/bookings-v1";
import { listPagingOf } from "../../../../lib/validation/list-query";
import { setKeysetListHeaders } from "../../../../lib/http/list-headers";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { BookingCreateBodyV1, BookingListQueryV1, BookingCreatedResponseV1, BookingListResponseV1 } from "../../../../lib/schemas/bookings-v1";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/bookings:
 *   get:
 *     operationId: listBookings
 *     summary: List bookings
 *     description: >-
 *       The caller's bookings: those they host or attend (by email), those of their event types,
 *       those they made with their key, and those of event types of teams they are an accepted
 *       OWNER or ADMIN of; admins see all and may name one host with userId (anyone else naming
 *       another user gets 403). Filters combine. Without take and page: every booking, up to the
 *       list cap (X-Total-Count and Link rel="next" say when there are more); with them, that page.
 *       Ordered by sortBy and order (default startTime ascending), then by id. Offset paging reaches
 *       10,000 bookings deep and counts up to 20,000 (X-Total-Count-Exact: false beyond); past that
 *       depth Link rel="next" carries a cursor instead of a page number, and a cursor page costs the
 *       same however deep it is.
 *     tags: ["v1 · Bookings"]
 *     x-access: bookings-list
 *     x-scope: bookings:read
 *     x-query: BookingListQueryV1
 *     responses:
 *       200:
 *         description: A page of bookings
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           X-Total-Count-Exact: { $ref: "#/components/headers/TotalCountExact" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingListResponseV1" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: createBooking
 *     summary: Create a booking
 *     description: >-
 *       Books a free slot of an event type (see GET /v1/slots) for one attendee, named by
 *       name and email at the top level or in responses, plus guests. requiresConfirmation
 *       types create a PENDING booking; seated types fill a slot's seats. end is optional: when
 *       sent it must be start plus the event type's length or one of its durations. A time
 *       that is not a free slot is a 409 (the database refuses double bookings however many
 *       requests race). Answers 200 with the booking itself, as Cal.com v1 does, and the same
 *       object under `booking` as well (this API's earlier envelope).
 *     tags: ["v1 · Bookings"]
 *     x-access: booking-create-v1
 *     x-scope: bookings:write
 *     x-idempotent: true
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/BookingCreateBodyV1" }
 *     responses:
 *       200:
 *         description: The new booking
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingCreatedResponseV1" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "bookings:read",
    response: BookingListResponseV1,
    query: BookingListQueryV1,
    handler: async ({ req, res, auth, query }) => {
      const paging = listPagingOf(query);
      const listQuery = listQueryFromV1(query, paging);
      const page = await listBookings(auth, listQuery);
      setKeysetListHeaders(req, res, paging, page, LIST_MAX_OFFSET, "cursor" in listQuery.page ? listQuery.page.take : undefined);
      return { bookings: page.bookings.map((booking) => toBookingV1(booking, { teams: page.teams })) };
    },
  }),
  POST: endpoint({
    scope: "bookings:write",
    response: BookingCreatedResponseV1,
    body: BookingCreateBodyV1,
    idempotent: true,
    // v1 sends an end, not a length: a wrong length is about body.end.
    fields: { lengthInMinutes: "body.end" },
    handler: async ({ auth, body }) => {
      const booking = toBookingV1(await createBooking(auth, createInputFromV1(body)));
      return { ...booking, booking };
    },
  }),
});
