-- CreateEnum
CREATE TYPE "CalendarAvailabilityType" AS ENUM ('available', 'unavailable');

-- CreateEnum
CREATE TYPE "CalendarRecurrence" AS ENUM ('once', 'daily', 'weekly', 'monthly');

-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "calendarExclusive" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CalendarSchedule" (
    "id" SERIAL NOT NULL,
    "calendarId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "availabilityType" "CalendarAvailabilityType" NOT NULL DEFAULT 'available',
    "recurrence" "CalendarRecurrence" NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "daysOfWeek" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "dayOfMonth" INTEGER,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CalendarSchedule_calendarId_idx" ON "CalendarSchedule"("calendarId");

-- CreateIndex
CREATE INDEX "Calendar_teamId_id_idx" ON "Calendar"("teamId", "id");

-- AddForeignKey
ALTER TABLE "CalendarSchedule" ADD CONSTRAINT "CalendarSchedule_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "Calendar"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a calendar of capacity 1 holds one accepted booking at a time, whatever races
-- the application loses (as hosts do). The flag is set when the booking is written; larger
-- capacities are counted under the calendar's advisory lock (packages/features/bookings).
ALTER TABLE "Booking" DROP CONSTRAINT "Booking_no_calendar_overlap";
ALTER TABLE "Booking"
  ADD CONSTRAINT "Booking_no_calendar_overlap"
  EXCLUDE USING gist ("calendarId" WITH =, tsrange("startTime", "endTime", '[)') WITH &&)
  WHERE ("status" = 'ACCEPTED' AND "calendarExclusive" AND "calendarId" IS NOT NULL);

-- Rules the API validates, kept true for any writer.
ALTER TABLE "CalendarSchedule" ADD CONSTRAINT "CalendarSchedule_minutes"
  CHECK ("startMinute" BETWEEN 0 AND 1439 AND "endMinute" BETWEEN 1 AND 1440 AND "startMinute" <> "endMinute");
ALTER TABLE "CalendarSchedule" ADD CONSTRAINT "CalendarSchedule_dates" CHECK ("endDate" IS NULL OR "endDate" >= "startDate");
ALTER TABLE "CalendarSchedule" ADD CONSTRAINT "CalendarSchedule_day_of_month" CHECK ("dayOfMonth" IS NULL OR "dayOfMonth" BETWEEN 1 AND 31);

-- Hand-written: a resource booked without a host is organized by its booker (Booking.userId)
-- without taking the booker's own time: host busy time counts exclusive bookings only.
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
BEGIN
  SELECT range_from - make_interval(mins => COALESCE(max("afterEventBuffer"), 0)) INTO scan_from FROM "EventType";
  SELECT range_to + make_interval(mins => COALESCE(max("beforeEventBuffer"), 0)) INTO scan_to FROM "EventType";
  RETURN QUERY
  WITH busy AS (
    SELECT b."userId" AS h,
      date_part('epoch', b."startTime") * 1000 - COALESCE(et."beforeEventBuffer", 0) * 60000 AS s,
      date_part('epoch', b."endTime") * 1000 + COALESCE(et."afterEventBuffer", 0) * 60000 AS e
    FROM "Booking" b LEFT JOIN "EventType" et ON et.id = b."eventTypeId"
    WHERE b."userId" = ANY(host_ids) AND b.status IN ('ACCEPTED', 'PENDING') AND b.exclusive
      AND b."endTime" > scan_from AND b."startTime" < scan_to AND b.uid <> ignore_booking
      AND b."eventTypeId" IS DISTINCT FROM seated_event_type
    UNION ALL
    SELECT u.id,
      date_part('epoch', b."startTime") * 1000 - COALESCE(et."beforeEventBuffer", 0) * 60000,
      date_part('epoch', b."endTime") * 1000 + COALESCE(et."afterEventBuffer", 0) * 60000
    FROM "User" u JOIN "Attendee" a ON a.email = u.email JOIN "Booking" b ON b.id = a."bookingId"
    LEFT JOIN "EventType" et ON et.id = b."eventTypeId"
    WHERE u.id = ANY(host_ids) AND b.status IN ('ACCEPTED', 'PENDING')
      AND b."endTime" > scan_from AND b."startTime" < scan_to AND b.uid <> ignore_booking
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
