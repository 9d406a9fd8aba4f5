-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "originalText" TEXT;

-- CreateTable
CREATE TABLE "ResponseSource" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "quote" TEXT,

    CONSTRAINT "ResponseSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceRequest" (
    "responseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceRequest_pkey" PRIMARY KEY ("responseId","userId")
);

-- CreateTable
CREATE TABLE "ClaimBridging" (
    "claimId" TEXT NOT NULL,
    "voters" INTEGER NOT NULL,
    "standing" DOUBLE PRECISION,
    "reasons" JSONB NOT NULL,
    "groups" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimBridging_pkey" PRIMARY KEY ("claimId")
);

-- CreateTable
CREATE TABLE "ResponseBridging" (
    "responseId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ResponseBridging_pkey" PRIMARY KEY ("responseId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResponseSource_responseId_position_key" ON "ResponseSource"("responseId", "position");

-- CreateIndex
CREATE INDEX "SourceRequest_userId_idx" ON "SourceRequest"("userId");

-- CreateIndex
CREATE INDEX "ResponseBridging_claimId_idx" ON "ResponseBridging"("claimId");

-- AddForeignKey
ALTER TABLE "ResponseSource" ADD CONSTRAINT "ResponseSource_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceRequest" ADD CONSTRAINT "SourceRequest_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceRequest" ADD CONSTRAINT "SourceRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimBridging" ADD CONSTRAINT "ClaimBridging_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponseBridging" ADD CONSTRAINT "ResponseBridging_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Pages show a claim's bridged standing, a response's sources and its "needs a source" badge: a write
-- to any of them drops the article's cached pages (decision 011), like a vote does.
CREATE OR REPLACE FUNCTION arguably_page_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_data record;
  article_id text;
BEGIN
  IF arguably_skipping_stats() THEN RETURN NULL; END IF;
  IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
  CASE TG_TABLE_NAME
    WHEN 'Article' THEN article_id := row_data.id;
    WHEN 'Claim' THEN article_id := row_data."articleId";
    WHEN 'Response', 'ClaimVote', 'ClaimBridging' THEN SELECT "articleId" INTO article_id FROM "Claim" WHERE id = row_data."claimId";
    WHEN 'ResponseVote', 'ResponseSource', 'SourceRequest' THEN
      SELECT claim."articleId" INTO article_id FROM "Response" response JOIN "Claim" claim ON claim.id = response."claimId" WHERE response.id = row_data."responseId";
    ELSE article_id := '*';
  END CASE;
  PERFORM pg_notify('arguably_pages', coalesce(article_id, '*'));
  RETURN NULL;
END $$;

CREATE TRIGGER arguably_page_changed AFTER INSERT OR UPDATE OR DELETE ON "ClaimBridging"
  FOR EACH ROW EXECUTE FUNCTION arguably_page_changed();
CREATE TRIGGER arguably_page_changed AFTER INSERT OR UPDATE OR DELETE ON "ResponseSource"
  FOR EACH ROW EXECUTE FUNCTION arguably_page_changed();
CREATE TRIGGER arguably_page_changed AFTER INSERT OR UPDATE OR DELETE ON "SourceRequest"
  FOR EACH ROW EXECUTE FUNCTION arguably_page_changed();

-- Sources are searchable with their response (issue 19): the address (whole, as a host and path, and cut
-- into its words, so "wikipedia" finds en.wikipedia.org) and the quoted passage.
CREATE FUNCTION arguably_source_document(url text, quote text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('english'::regconfig,
    url || ' ' || regexp_replace(url, '[^[:alnum:]]+', ' ', 'g') || ' ' || coalesce(quote, '')), 'B') $$;
CREATE INDEX manual_source_search ON "ResponseSource" USING gin (arguably_source_document(url, quote));
