import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { prepareArticle, slugify, type IngestProgress, type ProposedClaim } from "@/lib/ingest";
import { bodyHash, originalAddress, sameOriginalWhere } from "./originals";

export function claimRow(claim: ProposedClaim) {
  return {
    start: claim.start,
    end: claim.end,
    exact: claim.quote.exact,
    prefix: claim.quote.prefix,
    suffix: claim.quote.suffix,
    text: claim.text,
    score: claim.score,
  };
}

export interface ImportArticleInput {
  raw: string;
  sourceUrl?: string | null;
  importedById?: string | null;
  /** Drafts wait for an editor's review; the demo seeds and the CLI publish at once. */
  status?: "draft" | "published";
  /** Told how the pipeline gets on, then "saving" while the article and its claims are stored. */
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
}

export type ImportProgress = IngestProgress | { stage: "saving"; done: 0; total: 1 };

/**
 * Stores an article from raw page text through the ingest pipeline. One article per original: the same
 * raw input (by sha256), the same original's address (rel=canonical, og:url, or where it was fetched,
 * without tracking parameters) or the same body returns the article already stored instead of a copy.
 */
export async function importArticle({ raw, sourceUrl = null, importedById = null, status = "published", onProgress }: ImportArticleInput) {
  const prepared = await prepareArticle(raw, { sourceUrl, onProgress });
  await onProgress?.({ stage: "saving", done: 0, total: 1 });
  const db = getDb();
  const select = { id: true, slug: true, title: true, status: true, _count: { select: { claims: true } } } as const;
  const canonical = originalAddress(raw, prepared.sourceUrl ?? sourceUrl);
  const hashOfBody = bodyHash(prepared.body);
  const existing = await db.article.findFirst({
    where: { OR: [{ sourceHash: prepared.sourceHash }, sameOriginalWhere({ canonical, body: hashOfBody })!] },
    orderBy: { importedAt: "asc" },
    select,
  });
  if (existing) return { article: existing, created: false, prepared };

  return createWithFreeSlug(prepared.title, prepared.sourceHash, select, (slug) =>
    db.article.create({
      data: {
        slug,
        title: prepared.title,
        byline: prepared.byline,
        body: prepared.body,
        blocks: prepared.blocks as unknown as Prisma.InputJsonValue,
        sourceUrl: prepared.sourceUrl ?? sourceUrl,
        originalText: prepared.originalText,
        siteName: prepared.siteName,
        publishedAt: prepared.publishedAt,
        language: prepared.language,
        sourceHash: prepared.sourceHash,
        canonicalUrl: canonical,
        bodyHash: hashOfBody,
        importedById,
        status,
        // One statement: the article and its claims are stored together or not at all.
        claims: {
          createMany: { data: prepared.claims.map(claimRow) },
        },
      },
      select,
    }),
  ).then((result) => ({ ...result, prepared }));
}

/**
 * Creates an article under the first free slug made from `title`. When the same source (by hash) was
 * stored meanwhile, by someone else at this very moment, answers with that one instead.
 */
export async function createWithFreeSlug<S extends Prisma.ArticleSelect, T>(
  title: string,
  sourceHash: string,
  select: S,
  create: (slug: string) => Promise<T>,
) {
  const db = getDb();
  const baseSlug = slugify(title);
  for (let attempt = 0; attempt < 20; attempt++) {
    const slug = attempt === 0 ? baseSlug : `${baseSlug}-${attempt + 1}`;
    try {
      return { article: await create(slug), created: true };
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
      // Either someone imported the same source at this moment (theirs is ours), or the slug is taken.
      const raced = await db.article.findUnique({ where: { sourceHash }, select });
      if (raced) return { article: raced as unknown as T, created: false };
    }
  }
  throw new Error(`Could not find a free slug for "${title}".`);
}
