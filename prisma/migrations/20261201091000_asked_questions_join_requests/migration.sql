-- CreateEnum
CREATE TYPE "JoinStatus" AS ENUM ('pending', 'approved', 'declined');

-- CreateTable
CREATE TABLE "AskedQuestion" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "sources" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "suggestions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "pickedKey" TEXT,
    "pickedAt" TIMESTAMP(3),
    "platform" "Platform" NOT NULL,
    "askerExternalId" TEXT NOT NULL,
    "memberId" TEXT,
    "unansweredId" TEXT,
    "askedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AskedQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JoinRequest" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "guest" BOOLEAN NOT NULL DEFAULT false,
    "external" BOOLEAN NOT NULL DEFAULT false,
    "replyTo" JSONB,
    "status" "JoinStatus" NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "memberId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JoinRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AskedQuestion_programmeId_askedAt_idx" ON "AskedQuestion"("programmeId", "askedAt");

-- CreateIndex
CREATE INDEX "JoinRequest_programmeId_status_idx" ON "JoinRequest"("programmeId", "status");

-- CreateIndex
CREATE INDEX "JoinRequest_platform_externalId_idx" ON "JoinRequest"("platform", "externalId");

-- AddForeignKey
ALTER TABLE "AskedQuestion" ADD CONSTRAINT "AskedQuestion_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinRequest" ADD CONSTRAINT "JoinRequest_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinRequest" ADD CONSTRAINT "JoinRequest_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
