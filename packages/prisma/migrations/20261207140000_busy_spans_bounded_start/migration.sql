-- Hand-written: the longest booking's length, kept over accepted and pending bookings only
-- (every query that reads it wants those): a long booking once cancelled no longer widens it.
DROP INDEX "Booking_length_idx";
CREATE INDEX "Booking_length_idx" ON "Booking" (("endTime" - "startTime")) WHERE status IN ('ACCEPTED', 'PENDING');

-- slotbase_busy_spans: a host's bookings that overlap the window are found by a range on their start
-- on both sides: no booking is longer than the longest one (an index lookup in
-- Booking_length_idx), so none that overlaps starts before the window's start minus that.
-- Before, "ends after the window's start" read every later booking of the host (a host booked
-- a year ahead had every booking check read the whole year). The end is compared as a
-- difference so that the planner scans ("userId", "startTime") alone rather than also reading
-- every later entry of ("userId", "endTime") for a bitmap AND.
CREATE OR REPLACE FUNCTION slotbase_busy_spans(
  host_ids integer[],
  range_from timestamp,
  range_to timestamp,
  now_at timestamp,
  seated_event_type integer,
  ignore_booking text,
  ignore_hold text
) RETURNS TABLE (host_id integer, spans text)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
DECLARE
  scan_from timestamp;
  scan_to timestamp;
  longest interval;
BEGIN
  -- The scan's bounds in one statement (three index lookups): the window widened by the largest
  -- buffers in use, and the longest accepted or pending booking.
  SELECT range_from - make_interval(mins => COALESCE((SELECT max("afterEventBuffer") FROM "EventType"), 0)),
    range_to + make_interval(mins => COALESCE((SELECT max("beforeEventBuffer") FROM "EventType"), 0)),
    COALESCE((SELECT max("endTime" - "startTime") FROM "Booking" WHERE status IN ('ACCEPTED', 'PENDING')), interval '0')
    INTO scan_from, scan_to, longest;
  RETURN QUERY
  WITH busy AS (
    SELECT b."userId" AS h,
      date_part('epoch', b."startTime") * 1000 - COALESCE(et."beforeEventBuffer", 0) * 60000 AS s,
      date_part('epoch', b."endTime") * 1000 + COALESCE(et."afterEventBuffer", 0) * 60000 AS e
    FROM "Booking" b LEFT JOIN "EventType" et ON et.id = b."eventTypeId"
    WHERE b."userId" = ANY(host_ids) AND b.status IN ('ACCEPTED', 'PENDING') AND b.exclusive
      AND b."startTime" > scan_from - longest AND b."startTime" < scan_to AND b."endTime" - scan_from > interval '0'
      AND b.uid <> ignore_booking
      AND b."eventTypeId" IS DISTINCT FROM seated_event_type
    UNION ALL
    SELECT u.id,
      date_part('epoch', b."startTime") * 1000 - COALESCE(et."beforeEventBuffer", 0) * 60000,
      date_part('epoch', b."endTime") * 1000 + COALESCE(et."afterEventBuffer", 0) * 60000
    FROM "User" u JOIN "Attendee" a ON a.email = u.email JOIN "Booking" b ON b.id = a."bookingId"
    LEFT JOIN "EventType" et ON et.id = b."eventTypeId"
    WHERE u.id = ANY(host_ids) AND b.status IN ('ACCEPTED', 'PENDING')
      AND b."endTime" > scan_from AND b."startTime" < scan_to AND b."startTime" > scan_from - longest
      AND b.uid <> ignore_booking
    UNION ALL
    SELECT r."userId",
      date_part('epoch', r."slotUtcStartDate") * 1000 - et."beforeEventBuffer" * 60000,
      date_part('epoch', r."slotUtcEndDate") * 1000 + et."afterEventBuffer" * 60000
    FROM "SlotReservation" r JOIN "EventType" et ON et.id = r."eventTypeId"
    WHERE r."userId" = ANY(host_ids) AND r."releaseAt" > now_at AND r.uid <> ignore_hold
      AND NOT (r."isSeat" AND r."eventTypeId" = seated_event_type)
      AND r."slotUtcEndDate" > scan_from AND r."slotUtcStartDate" < scan_to
    UNION ALL
    SELECT x."userId", date_part('epoch', x."startTime") * 1000, date_part('epoch', x."endTime") * 1000
    FROM "Blocker" x
    WHERE x."userId" = ANY(host_ids) AND x."endTime" > range_from AND x."startTime" < range_to
  )
  SELECT busy.h, string_agg(busy.s::int8::text || ' ' || busy.e::int8::text, ' ') FROM busy GROUP BY busy.h;
END;
$$;

