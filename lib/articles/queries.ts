import { getDb, getReadDb } from "@/lib/db/client";
import type { BodyBlock } from "@/lib/ingest";
import type { Viewer } from "@/lib/policy/visibility";
import { articleVisibleSql, claimVisibleSql, responseVisibleSql, visibleArticleWhere, visibleClaimInArticleWhere } from "@/lib/debate/visibility";

/**
 * An article the viewer may see (drafts: editors), with the claims marked in its text. The text marks
 * what readers see for everyone: a hidden claim is reviewed from the moderation queue, not in place.
 */
export async function getArticleBySlug(slug: string, viewer: Viewer) {
  const article = await getDb().article.findFirst({
    where: { slug, ...visibleArticleWhere(viewer) },
    select: {
      id: true,
      slug: true,
      title: true,
      byline: true,
      body: true,
      blocks: true,
      sourceUrl: true,
      siteName: true,
      publishedAt: true,
      language: true,
      importedAt: true,
      status: true,
      lockedAt: true,
      claims: {
        where: visibleClaimInArticleWhere(null),
        orderBy: { start: "asc" },
        select: {
          id: true,
          start: true,
          end: true,
          text: true,
          supportCount: true,
          opposeCount: true,
          standing: true,
          origin: true,
          raisedBy: { select: { name: true } },
        },
      },
    },
  });
  if (!article) return null;
  return {
    ...article,
    blocks: article.blocks as unknown as BodyBlock[],
    // A reader's claim is marked with its raiser's name (components/article-body.tsx); others without.
    claims: article.claims.map(({ raisedBy, ...claim }) => ({ ...claim, raisedBy: claim.origin === "reader" ? (raisedBy?.name ?? null) : undefined })),
  };
}

/** The id of the published article at `slug`, or null (the API addresses articles by slug). */
export async function publishedArticleId(slug: string) {
  return (await getDb().article.findFirst({ where: { slug, ...visibleArticleWhere(null) }, select: { id: true } }))?.id ?? null;
}

/** What an editor's review page shows of a claim. */
export const reviewClaimSelect = { id: true, start: true, end: true, text: true, exact: true, score: true, origin: true } as const;

/** Drafts waiting for an editor, newest first. */
export async function listDraftArticles() {
  return getDb().article.findMany({
    where: { status: "draft" },
    orderBy: { importedAt: "desc" },
    select: {
      id: true,
      title: true,
      importedAt: true,
      importedBy: { select: { name: true } },
      _count: { select: { claims: true } },
      submissions: { where: { state: "waiting" }, take: 1, select: { submitter: { select: { name: true } } } },
    },
    take: 100,
  });
}

/** A draft (or published article) with every claim, for the review page. */
export async function getArticleForReview(id: string) {
  const article = await getDb().article.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      byline: true,
      status: true,
      body: true,
      blocks: true,
      sourceUrl: true,
      importedAt: true,
      submissions: { where: { state: "waiting" }, take: 1, select: { submitter: { select: { name: true } } } },
      claims: { orderBy: { start: "asc" }, select: reviewClaimSelect },
    },
  });
  return article && { ...article, blocks: article.blocks as unknown as BodyBlock[] };
}

// ---------------------------------------------------------------- the home page's list

export interface ArticleSummary {
  id: string;
  slug: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** The article's opening words, cut at a word. */
  excerpt: string;
  claims: number;
  responses: number;
  /** The last argument in any of its debates, or when it was imported. */
  lastActivityAt: Date;
  argued: boolean;
}

interface ArticleRow {
  id: string;
  slug: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  opening: string;
  claims: number;
  responses: number;
  lastArgumentAt: Date | null;
  importedAt: Date;
}

const ARTICLE_EXCERPT = 240;

/** The article's opening, cut at the last whole word within the limit. */
function openingExcerpt(text: string) {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= ARTICLE_EXCERPT) return line;
  const cut = line.slice(0, ARTICLE_EXCERPT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), ARTICLE_EXCERPT / 2)).replace(/[,;:–—-]$/, "")}…`;
}

/** Published articles, most recently argued (or imported) first, with what is happening in each. */
export async function listArticleSummaries(limit = 50): Promise<ArticleSummary[]> {
  const rows = await getReadDb().$queryRaw<ArticleRow[]>`
    SELECT a.id, a.slug, a.title, a.byline, a."siteName", left(a.body, ${ARTICLE_EXCERPT * 2}) AS opening, a."importedAt",
      stats.claims, stats.responses, activity.last AS "lastArgumentAt"
    FROM "Article" a
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS claims, coalesce(sum(c."responseCount"), 0)::int AS responses
      FROM "Claim" c WHERE c."articleId" = a.id AND ${claimVisibleSql(null)}
    ) stats
    CROSS JOIN LATERAL (
      SELECT max(last.at) AS last FROM "Claim" c
      CROSS JOIN LATERAL (SELECT max(r."createdAt") AS at FROM "Response" r WHERE r."claimId" = c.id AND ${responseVisibleSql(null)}) last
      WHERE c."articleId" = a.id AND ${claimVisibleSql(null)}
    ) activity
    WHERE ${articleVisibleSql(null)}
    ORDER BY greatest(activity.last, a."importedAt") DESC, a.title
    LIMIT ${limit}`;
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    byline: row.byline,
    siteName: row.siteName,
    excerpt: openingExcerpt(row.opening),
    claims: row.claims,
    responses: row.responses,
    lastActivityAt: row.lastArgumentAt && row.lastArgumentAt > row.importedAt ? row.lastArgumentAt : row.importedAt,
    argued: row.lastArgumentAt !== null,
  }));
}

/** The latest published articles with where they came from (the original site) and who brought them. */
export async function listNewArticles(limit = 5) {
  const rows = await getReadDb().article.findMany({
    where: { status: "published" },
    orderBy: [{ importedAt: "desc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      slug: true,
      title: true,
      siteName: true,
      sourceUrl: true,
      importedAt: true,
      submissions: { where: { state: "published" }, orderBy: { createdAt: "asc" }, take: 1, select: { submitter: { select: { name: true } } } },
    },
  });
  return rows.map(({ submissions, sourceUrl, ...row }) => ({
    ...row,
    /** The original's site: its own name for itself, else the host it was fetched from. */
    site: row.siteName ?? (sourceUrl ? new URL(sourceUrl).hostname.replace(/^www\./, "") : null),
    broughtBy: submissions[0]?.submitter.name ?? null,
  }));
}
