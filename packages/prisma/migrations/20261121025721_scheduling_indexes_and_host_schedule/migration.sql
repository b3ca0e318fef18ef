-- CreateIndex
CREATE INDEX "Booking_userId_endTime_idx" ON "Booking"("userId", "endTime");

-- AddForeignKey
ALTER TABLE "Host" ADD CONSTRAINT "Host_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule"("id") ON DELETE SET NULL ON UPDATE CASCADE;
