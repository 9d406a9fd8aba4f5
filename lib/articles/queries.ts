import { getDb } from "@/lib/db/client";
import type { BodyBlock } from "@/lib/ingest";
import type { Viewer } from "@/lib/policy/visibility";
import { visibleArticleWhere, visibleClaimInArticleWhere } from "@/lib/debate/visibility";

/** Published articles, newest first, with the number of claims readers see in each. */
export async function listArticles() {
  return getDb().article.findMany({
    where: visibleArticleWhere(null),
    orderBy: [{ importedAt: "desc" }, { title: "asc" }],
    select: { id: true, slug: true, title: true, byline: true, importedAt: true, _count: { select: { claims: { where: visibleClaimInArticleWhere(null) } } } },
    take: 100,
  });
}

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
    select: { id: true, title: true, importedAt: true, importedBy: { select: { name: true } }, _count: { select: { claims: true } } },
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
      claims: { orderBy: { start: "asc" }, select: reviewClaimSelect },
    },
  });
  return article && { ...article, blocks: article.blocks as unknown as BodyBlock[] };
}
