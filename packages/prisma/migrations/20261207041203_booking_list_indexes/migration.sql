-- CreateIndex
CREATE INDEX "Booking_startTime_id_idx" ON "Booking"("startTime", "id");

-- CreateIndex
CREATE INDEX "Booking_endTime_id_idx" ON "Booking"("endTime", "id");

-- CreateIndex
CREATE INDEX "Booking_createdAt_id_idx" ON "Booking"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Booking_updatedAt_id_idx" ON "Booking"("updatedAt", "id");

-- Hand-written (Prisma does not model expression indexes): the longest booking's length in one
-- index entry. Upcoming bookings sorted by start are then read from the (startTime, id) index
-- starting at "now minus the longest booking", not from the first booking ever made.
CREATE INDEX "Booking_length_idx" ON "Booking" (("endTime" - "startTime"));

-- Every write path stores attendee emails lowercased, so "the bookings of this email" is an
-- equality the Attendee(email) index answers; rows written before that are brought in line.
UPDATE "Attendee" SET "email" = lower("email") WHERE "email" <> lower("email");
