-- CreateEnum
CREATE TYPE "ReportReason" AS ENUM ('spam', 'abuse', 'off_topic', 'unclear', 'duplicate', 'misinformation', 'other');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('open', 'upheld', 'dismissed');

-- CreateEnum
CREATE TYPE "WordFilterMode" AS ENUM ('block', 'review');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "silenceReason" TEXT,
ADD COLUMN     "silencedUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "lockedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "duplicateOfId" TEXT,
ADD COLUMN     "hiddenAt" TIMESTAMP(3),
ADD COLUMN     "lockedAt" TIMESTAMP(3),
ADD COLUMN     "moderationVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "hiddenAt" TIMESTAMP(3),
ADD COLUMN     "moderationVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "removalReason" TEXT,
ADD COLUMN     "removedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "claimId" TEXT,
    "responseId" TEXT,
    "reason" "ReportReason" NOT NULL,
    "note" TEXT,
    "duplicateOfId" TEXT,
    "status" "ReportStatus" NOT NULL DEFAULT 'open',
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationAction" (
    "id" TEXT NOT NULL,
    "moderatorId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModerationAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WordFilter" (
    "id" TEXT NOT NULL,
    "pattern" TEXT NOT NULL,
    "mode" "WordFilterMode" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WordFilter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Report_status_createdAt_idx" ON "Report"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Report_claimId_status_idx" ON "Report"("claimId", "status");

-- CreateIndex
CREATE INDEX "Report_responseId_status_idx" ON "Report"("responseId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Report_reporterId_claimId_key" ON "Report"("reporterId", "claimId");

-- CreateIndex
CREATE UNIQUE INDEX "Report_reporterId_responseId_key" ON "Report"("reporterId", "responseId");

-- CreateIndex
CREATE INDEX "ModerationAction_createdAt_idx" ON "ModerationAction"("createdAt");

-- CreateIndex
CREATE INDEX "ModerationAction_targetType_targetId_idx" ON "ModerationAction"("targetType", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "WordFilter_pattern_key" ON "WordFilter"("pattern");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_moderatorId_fkey" FOREIGN KEY ("moderatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the moderation log is append-only. Prisma's schema language cannot express triggers;
-- objects named manual_* are left out of the drift check (lib/db/catalog.ts).
CREATE FUNCTION manual_moderation_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The moderation log is append-only: % is not allowed.', TG_OP;
END
$$;

CREATE TRIGGER manual_moderation_log_no_change
  BEFORE UPDATE OR DELETE ON "ModerationAction"
  FOR EACH ROW EXECUTE FUNCTION manual_moderation_log_append_only();

CREATE TRIGGER manual_moderation_log_no_truncate
  BEFORE TRUNCATE ON "ModerationAction"
  FOR EACH STATEMENT EXECUTE FUNCTION manual_moderation_log_append_only();
