-- AlterTable
ALTER TABLE "BookingSeat" ADD COLUMN     "bookedById" INTEGER;

-- CreateIndex
CREATE INDEX "BookingSeat_bookedById_idx" ON "BookingSeat"("bookedById");

-- AddForeignKey
ALTER TABLE "BookingSeat" ADD CONSTRAINT "BookingSeat_bookedById_fkey" FOREIGN KEY ("bookedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
