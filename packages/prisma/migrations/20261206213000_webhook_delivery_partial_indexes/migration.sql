-- Fewer index entries per delivery (it is inserted, claimed and recorded: each write adds an
-- entry to every index whose predicate it meets). Same names and columns as schema.prisma's
-- @@index (Prisma does not model the predicates).

-- Only PENDING deliveries are looked for by due time (the outbox claim).
DROP INDEX "WebhookDelivery_status_nextAttemptAt_idx";
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt") WHERE "status" = 'PENDING';

-- Only MEETING_ENDED deliveries are looked for by booking (dropped when the meeting will not take place).
DROP INDEX "WebhookDelivery_bookingId_idx";
CREATE INDEX "WebhookDelivery_bookingId_idx" ON "WebhookDelivery"("bookingId") WHERE "triggerEvent" = 'MEETING_ENDED';
