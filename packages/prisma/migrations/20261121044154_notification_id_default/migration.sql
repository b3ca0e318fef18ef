-- AlterTable
ALTER TABLE "Notification" ALTER COLUMN "id" SET DEFAULT (gen_random_uuid())::text;
