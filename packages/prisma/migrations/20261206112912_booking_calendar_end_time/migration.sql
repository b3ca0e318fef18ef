-- A calendar's busy time (packages/features/slots/calendar-resource.ts) asks for bookings that
-- end after the range starts and start before it ends: with ("calendarId", "startTime") the scan
-- read every booking of the calendar's history before the range (as Booking("userId", "endTime")
-- already avoids for hosts). Found by `yarn bench:calendars`.
-- CreateIndex
CREATE INDEX "Booking_calendarId_endTime_idx" ON "Booking"("calendarId", "endTime");
