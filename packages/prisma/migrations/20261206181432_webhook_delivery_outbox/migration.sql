-- DropIndex
DROP INDEX "WebhookDelivery_webhookId_createdAt_idx";

-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "disabledAt" TIMESTAMP(3),
ADD COLUMN     "disabledReason" TEXT,
ADD COLUMN     "lastSuccessAt" TIMESTAMP(3),
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ALTER COLUMN "id" SET DEFAULT (gen_random_uuid())::text;

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "body" TEXT,
ADD COLUMN     "bookingId" INTEGER,
ADD COLUMN     "deliveredAt" TIMESTAMP(3),
ADD COLUMN     "durationMs" INTEGER,
ADD COLUMN     "lastError" TEXT,
ALTER COLUMN "payload" DROP NOT NULL,
ALTER COLUMN "id" SET DEFAULT (gen_random_uuid())::text;

-- CreateIndex
CREATE INDEX "WebhookDelivery_webhookId_createdAt_id_idx" ON "WebhookDelivery"("webhookId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "WebhookDelivery_bookingId_idx" ON "WebhookDelivery"("bookingId");

-- AlterEnum
ALTER TYPE "WebhookTriggerEvents" ADD VALUE 'PING';
