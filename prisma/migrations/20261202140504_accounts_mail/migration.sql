-- CreateEnum
CREATE TYPE "MailTiming" AS ENUM ('immediate', 'digest', 'off');

-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('daily', 'weekly', 'off');

-- CreateEnum
CREATE TYPE "EmailTokenPurpose" AS ENUM ('password_reset', 'verify_email', 'change_email');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AccountEventKind" ADD VALUE 'password_changed';
ALTER TYPE "AccountEventKind" ADD VALUE 'email_changed';
ALTER TYPE "AccountEventKind" ADD VALUE 'signed_out_everywhere';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "digest" "DigestFrequency" NOT NULL DEFAULT 'daily',
ADD COLUMN     "digestCoveredUntil" TIMESTAMP(3),
ADD COLUMN     "followMail" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "mailUndeliverableAt" TIMESTAMP(3),
ADD COLUMN     "replyMail" "MailTiming" NOT NULL DEFAULT 'immediate';

-- AlterTable
ALTER TABLE "UserSession" ADD COLUMN     "userAgent" TEXT;

-- CreateTable
CREATE TABLE "EmailToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" "EmailTokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "EmailToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NameChange" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "oldName" TEXT NOT NULL,
    "newName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NameChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BannedEmail" (
    "emailHash" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BannedEmail_pkey" PRIMARY KEY ("emailHash")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailToken_tokenHash_key" ON "EmailToken"("tokenHash");

-- CreateIndex
CREATE INDEX "EmailToken_userId_purpose_createdAt_idx" ON "EmailToken"("userId", "purpose", "createdAt");

-- CreateIndex
CREATE INDEX "NameChange_userId_createdAt_idx" ON "NameChange"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "EmailToken" ADD CONSTRAINT "EmailToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NameChange" ADD CONSTRAINT "NameChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
