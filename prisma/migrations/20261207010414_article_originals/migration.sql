-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "bodyHash" TEXT,
ADD COLUMN     "canonicalUrl" TEXT;

-- CreateIndex
CREATE INDEX "Article_canonicalUrl_idx" ON "Article"("canonicalUrl");

-- CreateIndex
CREATE INDEX "Article_bodyHash_idx" ON "Article"("bodyHash");

-- Hand-written: the articles already here get theirs, by the rules of lib/articles/originals.ts (the
-- body's letters lowered and its runs of ASCII spacing made one space; the source address without its
-- fragment: tracking parameters of older imports stay, and only their re-import would strip them).
UPDATE "Article" SET
  "bodyHash" = encode(sha256(convert_to(btrim(regexp_replace(lower(body), '[ \t\n\r\f\v]+', ' ', 'g')), 'UTF8')), 'hex'),
  "canonicalUrl" = nullif(split_part("sourceUrl", '#', 1), '');
