// Finding any argument: PostgreSQL full-text search over articles, claims and responses (weighted
// documents with GIN indexes, migration 20261122070500_search), ranked, with highlighted snippets; and
// similar responses on a claim by trigram similarity, suggested while someone writes. Both list what
// readers see (lib/policy/visibility.ts with no viewer), whoever asks: results are made to be shared.
import type { Stance } from "@/lib/vocabulary";
import { getReadDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { describeOrigin } from "@/lib/argument/claim-origin";
import type { ClaimOrigin } from "@/lib/generated/prisma/enums";
import { articleVisibleSql, claimVisibleSql, responseVisibleSql, visibleArticleWhere } from "./visibility";

/** "reader-claims": claims readers raised (lib/debate/raise-claim.ts), alone. */
export const SEARCH_TYPES = ["all", "articles", "claims", "reader-claims", "responses"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
export const SEARCH_PAGE_SIZE = 20;

/**
 * ts_headline marks matches with these two characters (they cannot occur in stored text we show) rather
 * than with HTML, so a snippet is split and rendered as text with <mark>, never as markup.
 */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

export interface SearchHit {
  type: "article" | "claim" | "response";
  id: string;
  /** Where it lives: the article's title (and slug), and for responses the claim's id and wording. */
  article: { slug: string; title: string };
  claim: { id: string; text: string } | null;
  /** For claims: who marked it, in readers' words ("Raised by Ada"); null for the others. */
  markedBy: string | null;
  /** For articles: the title; for claims: the wording; for responses: the stance. */
  heading: string;
  snippet: string;
  rank: number;
}

export interface SearchResults {
  query: string;
  hits: SearchHit[];
  /** Whether there are more hits after this page. */
  more: boolean;
}

/** The article filter, by slug; an unknown slug matches nothing. */
export async function searchDebates({
  query,
  type = "all",
  articleSlug = null,
  page = 1,
}: {
  query: string;
  type?: SearchType;
  articleSlug?: string | null;
  page?: number;
}): Promise<SearchResults> {
  const text = query.trim().slice(0, 200);
  if (!text) return { query: text, hits: [], more: false };
  const offset = (Math.max(1, Math.min(page, 50)) - 1) * SEARCH_PAGE_SIZE;
  const limit = SEARCH_PAGE_SIZE + 1; // one more, to know whether there is a next page
  const inArticle = articleSlug ? Prisma.sql`AND a.slug = ${articleSlug}` : Prisma.empty;
  const parts: Prisma.Sql[] = [];
  if (type === "all" || type === "articles") {
    parts.push(Prisma.sql`
      SELECT 'article' AS type, a.id, a.slug, a.title, NULL::text AS "claimId", NULL::text AS "claimText", NULL::text AS origin, NULL::text AS "raisedBy", a.title AS heading,
        a.body AS source,
        ts_rank_cd(arguably_article_document(a.title, a.byline, a.body), q) AS rank
      FROM "Article" a, query
      WHERE ${articleVisibleSql(null)} AND arguably_article_document(a.title, a.byline, a.body) @@ q ${inArticle}`);
  }
  if (type === "all" || type === "claims" || type === "reader-claims") {
    const origin = type === "reader-claims" ? Prisma.sql`AND c.origin = 'reader'` : Prisma.empty;
    parts.push(Prisma.sql`
      SELECT 'claim' AS type, c.id, a.slug, a.title, c.id AS "claimId", c.text AS "claimText", c.origin::text AS origin, raiser.name AS "raisedBy", c.text AS heading, c.exact AS source,
        ts_rank_cd(arguably_claim_document(c.text, c.exact), q) AS rank
      FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" LEFT JOIN "User" raiser ON raiser.id = c."raisedById", query
      WHERE ${claimVisibleSql(null)} AND arguably_claim_document(c.text, c.exact) @@ q ${origin} ${inArticle}`);
  }
  if (type === "all" || type === "responses") {
    // A response matches by its text or by a source it cites (address or quote); each side uses its index.
    parts.push(Prisma.sql`
      SELECT 'response' AS type, r.id, a.slug, a.title, c.id AS "claimId", c.text AS "claimText", NULL::text AS origin, NULL::text AS "raisedBy", r.stance::text AS heading,
        r.body || coalesce(E'\n' || cited.text, '') AS source,
        ts_rank_cd(arguably_response_document(r.body), q) + coalesce(cited.rank, 0) AS rank
      FROM (
        SELECT r.id FROM "Response" r, query WHERE arguably_response_document(r.body) @@ q
        UNION
        SELECT s."responseId" FROM "ResponseSource" s, query WHERE arguably_source_document(s.url, s.quote) @@ q
      ) matched
      JOIN "Response" r ON r.id = matched.id JOIN "Claim" c ON c.id = r."claimId" JOIN "Article" a ON a.id = c."articleId"
      CROSS JOIN query
      LEFT JOIN LATERAL (
        SELECT string_agg(s.url || coalesce(' “' || s.quote || '”', ''), E'\n' ORDER BY s.position) AS text,
          max(ts_rank_cd(arguably_source_document(s.url, s.quote), q)) AS rank
        FROM "ResponseSource" s WHERE s."responseId" = r.id
      ) cited ON TRUE
      WHERE ${claimVisibleSql(null)} AND ${responseVisibleSql(null)} AND r."deletedAt" IS NULL ${inArticle}`);
  }
  const rows = await getReadDb().$queryRaw<
    {
      type: SearchHit["type"];
      id: string;
      slug: string;
      title: string;
      claimId: string | null;
      claimText: string | null;
      origin: ClaimOrigin | null;
      raisedBy: string | null;
      heading: string;
      snippet: string;
      rank: number;
    }[]
  >`
    WITH query AS (SELECT websearch_to_tsquery('english', ${text}) AS q),
    page AS (
      SELECT * FROM (${Prisma.join(parts, " UNION ALL ")}) AS hits
      ORDER BY rank DESC, id
      LIMIT ${limit} OFFSET ${offset}
    )
    -- Snippets for the page's hits only: ts_headline re-parses the whole text.
    SELECT page.type, page.id, page.slug, page.title, page."claimId", page."claimText", page.origin, page."raisedBy", page.heading,
      ts_headline('english', page.source, query.q, ${HEADLINE_OPTIONS}) AS snippet, page.rank
    FROM page, query
    ORDER BY page.rank DESC, page.id`;
  return {
    query: text,
    more: rows.length > SEARCH_PAGE_SIZE,
    hits: rows.slice(0, SEARCH_PAGE_SIZE).map((row) => ({
      type: row.type,
      id: row.id,
      article: { slug: row.slug, title: row.title },
      claim: row.claimId ? { id: row.claimId, text: row.claimText ?? "" } : null,
      markedBy: row.origin ? describeOrigin(row.origin, row.raisedBy === null ? null : { name: row.raisedBy }) : null,
      heading: row.heading,
      snippet: row.snippet,
      rank: Number(row.rank),
    })),
  };
}

/** Published articles, for the search form's filter. */
export async function searchableArticles() {
  return getReadDb().article.findMany({ where: visibleArticleWhere(null), orderBy: { title: "asc" }, select: { slug: true, title: true }, take: 200 });
}

export interface SimilarResponse {
  id: string;
  stance: Stance;
  body: string;
  similarity: number;
}

/** Visible responses on the claim whose wording is close to `draft` (trigram similarity), closest first. */
export async function findSimilarResponses(claimId: string, draft: string, limit = 3): Promise<SimilarResponse[]> {
  const text = draft.trim().slice(0, 2_000);
  if (text.length < 20) return [];
  // `%` uses the trigram index with the threshold below; similarity() orders what it finds.
  return getReadDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('pg_trgm.similarity_threshold', '0.3', true)`;
    return tx.$queryRaw<SimilarResponse[]>`
      SELECT r.id, r.stance::text AS stance, r.body, similarity(r.body, ${text})::float8 AS similarity
      FROM "Response" r JOIN "Claim" c ON c.id = r."claimId" JOIN "Article" a ON a.id = c."articleId"
      WHERE r."claimId" = ${claimId} AND r.body % ${text}
        AND ${claimVisibleSql(null)} AND ${responseVisibleSql(null)} AND r."deletedAt" IS NULL
      ORDER BY similarity DESC, r."createdAt"
      LIMIT ${limit}`;
  });
}
