-- AlterTable
ALTER TABLE "EventType" ADD COLUMN     "recurringEvent" JSONB;
