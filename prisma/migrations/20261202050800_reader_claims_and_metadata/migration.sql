-- AlterEnum (hand-written: Prisma's diff recreates the type and would fail on existing 'detected' rows)
ALTER TYPE "ClaimOrigin" RENAME VALUE 'detected' TO 'pipeline';
ALTER TYPE "ClaimOrigin" ADD VALUE 'reader';

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "language" TEXT,
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "siteName" TEXT;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "raisedById" TEXT,
ALTER COLUMN "origin" SET DEFAULT 'pipeline';

-- CreateIndex
CREATE INDEX "Claim_raisedById_createdAt_idx" ON "Claim"("raisedById", "createdAt");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Pages show a claim's origin and who raised it: changing either (an editor accepting a reader's claim)
-- must refresh cached pages like any other visible column (decision 011).
DROP TRIGGER arguably_page_changed ON "Claim";
CREATE TRIGGER arguably_page_changed AFTER INSERT OR DELETE OR UPDATE OF "text", "exact", "prefix", "suffix", "start", "end", "hiddenAt", "lockedAt", "duplicateOfId", "origin", "raisedById" ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION arguably_page_changed();
