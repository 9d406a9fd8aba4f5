-- CreateEnum
CREATE TYPE "ClaimDecision" AS ENUM ('kept', 'dismissed', 'reworded', 'merged', 'added', 'reader_accepted');

-- CreateTable
CREATE TABLE "ClaimLabel" (
    "id" TEXT NOT NULL,
    "sentence" TEXT NOT NULL,
    "claim" BOOLEAN NOT NULL,
    "decision" "ClaimDecision" NOT NULL,
    "articleId" TEXT NOT NULL,
    "score" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimLabel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClaimLabel_createdAt_idx" ON "ClaimLabel"("createdAt");

-- CreateIndex
CREATE INDEX "ClaimLabel_articleId_idx" ON "ClaimLabel"("articleId");

-- AddForeignKey
ALTER TABLE "ClaimLabel" ADD CONSTRAINT "ClaimLabel_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
