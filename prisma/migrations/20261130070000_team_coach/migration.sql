-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "coachId" TEXT;

-- CreateIndex
CREATE INDEX "Team_coachId_idx" ON "Team"("coachId");

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_coachId_fkey" FOREIGN KEY ("coachId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
