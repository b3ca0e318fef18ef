-- CreateIndex
CREATE INDEX "Booking_userId_endTime_idx" ON "Booking"("userId", "endTime");

-- AddForeignKey
ALTER TABLE "Host" ADD CONSTRAINT "Host_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: the hosts' busy time, for every slots request. A PL/pgSQL function because
-- its query plan is cached per connection: planning this four-way UNION costs more than
-- running it, and Prisma's raw queries are never prepared. Each host's spans come back
-- folded into one string of "startMs endMs" pairs: accepted and pending bookings (as
-- organizer, or attendee by email), unexpired holds and blockers, each widened by its own
-- event type's buffers. A seated event type's own bookings and held seats are left out
-- (they are seats to join, read separately); so are the booking being rescheduled and the
-- caller's own hold.
CREATE FUNCTION slotbase_busy_spans(
  host_ids integer[],
  range_from timestamp,
  range_to timestamp,
  now_at timestamp,
  seated_event_type integer,
  ignore_booking text,
  ignore_hold text
) RETURNS TABLE (host_id integer, spans text)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH busy AS (
    SELECT b."userId" AS h,
      date_part('epoch', b."startTime") * 1000 - COALESCE(et."beforeEventBuffer", 0) * 60000 AS s,
      date_part('epoch', b."endTime") * 1000 + COALESCE(et."afterEventBuffer", 0) * 60000 AS e
    FROM "Booking" b LEFT JOIN "EventType" et ON et.id = b."eventTypeId"
    WHERE b."userId" = ANY(host_ids) AND b.status IN ('ACCEPTED', 'PENDING')
      AND b."endTime" > range_from AND b."startTime" < range_to AND b.uid <> ignore_booking
      AND b."eventTypeId" IS DISTINCT FROM seated_event_type
    UNION ALL
    SELECT u.id,
      date_part('epoch', b."startTime") * 1000 - COALESCE(et."beforeEventBuffer", 0) * 60000,
      date_part('epoch', b."endTime") * 1000 + COALESCE(et."afterEventBuffer", 0) * 60000
    FROM "User" u JOIN "Attendee" a ON a.email = u.email JOIN "Booking" b ON b.id = a."bookingId"
    LEFT JOIN "EventType" et ON et.id = b."eventTypeId"
    WHERE u.id = ANY(host_ids) AND b.status IN ('ACCEPTED', 'PENDING')
      AND b."endTime" > range_from AND b."startTime" < range_to AND b.uid <> ignore_booking
    UNION ALL
    SELECT r."userId",
      date_part('epoch', r."slotUtcStartDate") * 1000 - et."beforeEventBuffer" * 60000,
      date_part('epoch', r."slotUtcEndDate") * 1000 + et."afterEventBuffer" * 60000
    FROM "SlotReservation" r JOIN "EventType" et ON et.id = r."eventTypeId"
    WHERE r."userId" = ANY(host_ids) AND r."releaseAt" > now_at AND r.uid <> ignore_hold
      AND NOT (r."isSeat" AND r."eventTypeId" = seated_event_type)
      AND r."slotUtcEndDate" > range_from AND r."slotUtcStartDate" < range_to
    UNION ALL
    SELECT x."userId", date_part('epoch', x."startTime") * 1000, date_part('epoch', x."endTime") * 1000
    FROM "Blocker" x
    WHERE x."userId" = ANY(host_ids) AND x."endTime" > range_from AND x."startTime" < range_to
  )
  SELECT busy.h, string_agg(busy.s::int8::text || ' ' || busy.e::int8::text, ' ') FROM busy GROUP BY busy.h;
END;
$$;
