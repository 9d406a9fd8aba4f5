-- Hand-written: full-text search and similar-argument suggestions (issue 8). No schema change: the
-- documents are expressions, indexed with GIN. Prisma's schema language cannot express expression or
-- trigram indexes, so they carry the manual_ prefix that the drift check leaves out (lib/db/catalog.ts).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The searchable text of each kind, weighted: titles and claim wording (A) above quotes and arguments
-- (B) above article bodies (C). IMMUTABLE with an explicit configuration, so indexes can use them and
-- queries that call the same function find those indexes.
CREATE FUNCTION arguably_article_document(title text, byline text, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('english'::regconfig, title), 'A')
            || setweight(to_tsvector('english'::regconfig, coalesce(byline, '')), 'B')
            || setweight(to_tsvector('english'::regconfig, body), 'C') $$;

CREATE FUNCTION arguably_claim_document(text text, exact text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('english'::regconfig, text), 'A') || setweight(to_tsvector('english'::regconfig, exact), 'B') $$;

CREATE FUNCTION arguably_response_document(body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('english'::regconfig, body), 'B') $$;

CREATE INDEX manual_article_search ON "Article" USING gin (arguably_article_document(title, byline, body));
CREATE INDEX manual_claim_search ON "Claim" USING gin (arguably_claim_document(text, exact));
CREATE INDEX manual_response_search ON "Response" USING gin (arguably_response_document(body));
-- "Has this argument been made already?": trigram similarity of a draft to a claim's responses.
CREATE INDEX manual_response_trigram ON "Response" USING gin (body gin_trgm_ops);
