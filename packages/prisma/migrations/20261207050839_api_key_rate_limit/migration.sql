-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "rateLimitPerMinute" INTEGER;

-- Hand-written: a limit is a whole number of requests per minute, 0 meaning unlimited.
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_rateLimitPerMinute_range" CHECK ("rateLimitPerMinute" IS NULL OR "rateLimitPerMinute" >= 0);
