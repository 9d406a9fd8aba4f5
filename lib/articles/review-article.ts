// An editor's review of an imported article: adjust its claims, then publish it.
// Every change runs in a transaction that locks the article row, so two editors working on the same
// article at once are applied one after the other and each sees the other's result.
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canMerge, normaliseSpan, overlapping, splitSpan, SpanError, type Span } from "@/lib/ingest/spans";
import type { BodyBlock } from "@/lib/ingest";
import { lockArticle } from "./article-row-lock";
import { anchoredRow } from "./claim-columns";

const claimSelect = { id: true, start: true, end: true, text: true, exact: true, score: true, origin: true } as const;

export async function listDraftArticles() {
  return getDb().article.findMany({
    where: { status: "draft" },
    orderBy: { importedAt: "desc" },
    select: { id: true, title: true, importedAt: true, importedBy: { select: { name: true } }, _count: { select: { claims: true } } },
    take: 100,
  });
}

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
      claims: { orderBy: { start: "asc" }, select: claimSelect },
    },
  });
  return article && { ...article, blocks: article.blocks as unknown as BodyBlock[] };
}

type Tx = Prisma.TransactionClient;

async function withLockedArticle<T>(articleId: string, change: (tx: Tx, article: { body: string; blocks: BodyBlock[] }) => Promise<T>) {
  return getDb().$transaction(async (tx) => {
    const article = await lockArticle(tx, articleId);
    if (!article) throw new AppError("invalid_request", "This article no longer exists.");
    try {
      return await change(tx, article);
    } catch (error) {
      if (error instanceof SpanError) throw new AppError("invalid_request", error.message);
      throw error;
    }
  });
}

async function claimOf(tx: Tx, articleId: string, claimId: string) {
  const claim = await tx.claim.findFirst({ where: { id: claimId, articleId }, select: claimSelect });
  if (!claim) throw new AppError("invalid_request", "That claim was already changed or removed. Reload to see the current claims.");
  return claim;
}

async function otherClaims(tx: Tx, articleId: string, except: string[] = []) {
  return tx.claim.findMany({ where: { articleId, id: { notIn: except } }, select: { start: true, end: true } });
}

export async function dismissClaim(articleId: string, claimId: string) {
  return withLockedArticle(articleId, async (tx) => {
    await claimOf(tx, articleId, claimId);
    await tx.claim.delete({ where: { id: claimId } });
  });
}

export async function rewordClaim(articleId: string, claimId: string, text: string) {
  return withLockedArticle(articleId, async (tx) => {
    await claimOf(tx, articleId, claimId);
    return tx.claim.update({ where: { id: claimId }, data: { text }, select: claimSelect });
  });
}

export async function addEditorClaim(articleId: string, selection: Span) {
  return withLockedArticle(articleId, async (tx, article) => {
    const span = normaliseSpan(article.body, article.blocks, selection);
    if (overlapping(span, await otherClaims(tx, articleId))) {
      throw new AppError("invalid_request", "That text overlaps a claim already marked. Dismiss or split that claim first.");
    }
    return tx.claim.create({ data: { articleId, origin: "editor", score: null, ...anchoredRow(article.body, span) }, select: claimSelect });
  });
}

export async function mergeClaims(articleId: string, firstId: string, secondId: string) {
  return withLockedArticle(articleId, async (tx, article) => {
    const [first, second] = [await claimOf(tx, articleId, firstId), await claimOf(tx, articleId, secondId)];
    if (first.id === second.id || !canMerge(article.body, first, second)) {
      throw new AppError("invalid_request", "Only neighbouring claims in the same paragraph can be merged.");
    }
    const span = { start: Math.min(first.start, second.start), end: Math.max(first.end, second.end) };
    await tx.claim.deleteMany({ where: { id: { in: [first.id, second.id] } } });
    return tx.claim.create({ data: { articleId, origin: "editor", score: null, ...anchoredRow(article.body, span) }, select: claimSelect });
  });
}

export async function splitClaim(articleId: string, claimId: string, at: number) {
  return withLockedArticle(articleId, async (tx, article) => {
    const claim = await claimOf(tx, articleId, claimId);
    const parts = splitSpan(article.body, claim, at);
    await tx.claim.delete({ where: { id: claim.id } });
    await tx.claim.createMany({
      data: parts.map((part) => ({ articleId, origin: "editor" as const, score: claim.score, ...anchoredRow(article.body, part) })),
    });
  });
}

export async function publishArticle(articleId: string) {
  const result = await getDb().article.updateMany({ where: { id: articleId, status: "draft" }, data: { status: "published" } });
  if (result.count === 0) throw new AppError("invalid_request", "This article is already published or no longer exists.");
  return getDb().article.findUniqueOrThrow({ where: { id: articleId }, select: { slug: true } });
}
