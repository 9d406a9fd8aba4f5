-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "submissionKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Response_authorId_submissionKey_key" ON "Response"("authorId", "submissionKey");
