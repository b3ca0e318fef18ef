-- Hand-written: constraints Prisma cannot express in schema.prisma.
-- Two exclusive ACCEPTED bookings of the same host (or of the same resource) can never
-- overlap: the database refuses the second one with SQLSTATE 23P01, whatever the
-- application does and however many requests race. Ranges are half-open [start, end),
-- so back-to-back bookings are allowed. Cancelled and rejected bookings leave the
-- constraint's WHERE clause and free their time at once. Not DEFERRABLE: the conflict
-- must surface on the INSERT/UPDATE itself.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "Booking"
  ADD CONSTRAINT "Booking_no_host_overlap"
  EXCLUDE USING gist ("userId" WITH =, tsrange("startTime", "endTime", '[)') WITH &&)
  WHERE ("status" = 'ACCEPTED' AND "exclusive" AND "userId" IS NOT NULL);

ALTER TABLE "Booking"
  ADD CONSTRAINT "Booking_no_calendar_overlap"
  EXCLUDE USING gist ("calendarId" WITH =, tsrange("startTime", "endTime", '[)') WITH &&)
  WHERE ("status" = 'ACCEPTED' AND "exclusive" AND "calendarId" IS NOT NULL);

-- Sanity checks the application relies on.
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_time_order" CHECK ("endTime" > "startTime");
ALTER TABLE "Blocker" ADD CONSTRAINT "Blocker_time_order" CHECK ("endTime" > "startTime");
ALTER TABLE "SlotReservation" ADD CONSTRAINT "SlotReservation_time_order" CHECK ("slotUtcEndDate" > "slotUtcStartDate");
ALTER TABLE "Calendar" ADD CONSTRAINT "Calendar_capacity_positive" CHECK ("capacity" >= 1);
ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_one_owner" CHECK (num_nonnulls("userId", "calendarId") = 1);
