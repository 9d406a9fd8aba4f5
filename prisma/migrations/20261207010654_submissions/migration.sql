-- CreateEnum
CREATE TYPE "SubmissionState" AS ENUM ('queued', 'importing', 'waiting', 'published', 'declined', 'duplicate', 'failed');

-- CreateTable
CREATE TABLE "Submission" (
    "id" TEXT NOT NULL,
    "submitterId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "pastedText" TEXT,
    "selection" TEXT,
    "state" "SubmissionState" NOT NULL DEFAULT 'queued',
    "progress" TEXT,
    "reason" TEXT,
    "articleId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Submission_submitterId_createdAt_idx" ON "Submission"("submitterId", "createdAt");

-- CreateIndex
CREATE INDEX "Submission_articleId_idx" ON "Submission"("articleId");

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_submitterId_fkey" FOREIGN KEY ("submitterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;
