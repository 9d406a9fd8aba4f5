// An editor's review of an imported article's claims before it is published: dismiss a claim, reword
// it, add one from a selection, merge two neighbours, split one. One command with a kind, behind one
// permission check (lib/policy: canEditArticles). Every change runs in a transaction that locks the
// article row, so two editors working on the same draft are applied one after the other and each sees
// the other's result. Each decision about the detector's work is also stored as a label it learns from
// (lib/ingest/claim-labels.ts), in the same transaction.
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BodyBlock } from "@/lib/ingest";
import { recordClaimLabels } from "@/lib/ingest/claim-labels";
import { canMerge, normaliseSpan, overlapping, SpanError, splitSpan } from "@/lib/ingest/spans";
import { canEditArticles, type Actor } from "@/lib/policy";
import { lockArticle } from "./article-row-lock";
import { anchoredRow } from "./claim-columns";
import { reviewClaimSelect } from "./queries";
import type { DraftChange } from "./schemas";

type Tx = Prisma.TransactionClient;
type LockedDraft = { body: string; blocks: BodyBlock[] };

/** Applies one change to a draft's claims as `editor`; answers with the claim it made or changed, if any. */
export async function reviewDraft(editor: Actor, change: DraftChange) {
  if (!canEditArticles(editor)) throw new AppError("forbidden", "Only editors can review articles.");
  return getDb().$transaction(async (tx) => {
    const article = await lockArticle(tx, change.articleId);
    if (!article) throw new AppError("invalid_request", "This article no longer exists.");
    try {
      return await apply(tx, article, change);
    } catch (error) {
      if (error instanceof SpanError) throw new AppError("invalid_request", error.message);
      throw error;
    }
  });
}

async function apply(tx: Tx, article: LockedDraft, change: DraftChange) {
  const { articleId } = change;
  switch (change.kind) {
    case "dismiss": {
      const claim = await claimOf(tx, articleId, change.claimId);
      await tx.claim.delete({ where: { id: change.claimId } });
      await recordClaimLabels(tx, detected(articleId, [claim], "dismissed"));
      return null;
    }
    case "reword": {
      const claim = await claimOf(tx, articleId, change.claimId);
      await recordClaimLabels(tx, detected(articleId, [claim], "reworded"));
      return tx.claim.update({ where: { id: change.claimId }, data: { text: change.text }, select: reviewClaimSelect });
    }
    case "add": {
      const span = normaliseSpan(article.body, article.blocks, { start: change.start, end: change.end });
      if (overlapping(span, await otherClaims(tx, articleId))) {
        throw new AppError("invalid_request", "That text overlaps a claim already marked. Dismiss or split that claim first.");
      }
      const added = await tx.claim.create({
        data: { articleId, origin: "editor", score: null, ...anchoredRow(article.body, span) },
        select: reviewClaimSelect,
      });
      await recordClaimLabels(tx, [{ articleId, sentence: added.exact, decision: "added" }]);
      return added;
    }
    case "merge": {
      const [first, second] = [await claimOf(tx, articleId, change.firstId), await claimOf(tx, articleId, change.secondId)];
      if (first.id === second.id || !canMerge(article.body, first, second)) {
        throw new AppError("invalid_request", "Only neighbouring claims in the same paragraph can be merged.");
      }
      const span = { start: Math.min(first.start, second.start), end: Math.max(first.end, second.end) };
      await tx.claim.deleteMany({ where: { id: { in: [first.id, second.id] } } });
      await recordClaimLabels(tx, detected(articleId, [first, second], "merged"));
      return tx.claim.create({ data: { articleId, origin: "editor", score: null, ...anchoredRow(article.body, span) }, select: reviewClaimSelect });
    }
    case "split": {
      const claim = await claimOf(tx, articleId, change.claimId);
      const parts = splitSpan(article.body, claim, change.at);
      await tx.claim.delete({ where: { id: claim.id } });
      await tx.claim.createMany({
        data: parts.map((part) => ({ articleId, origin: "editor" as const, score: claim.score, ...anchoredRow(article.body, part) })),
      });
      return null;
    }
  }
}

type ReviewClaim = Awaited<ReturnType<typeof claimOf>>;

/** Labels for a decision on the detector's proposals (an editor's own claims teach it nothing). */
function detected(articleId: string, claims: ReviewClaim[], decision: "dismissed" | "reworded" | "merged") {
  return claims.filter((claim) => claim.origin === "pipeline").map((claim) => ({ articleId, sentence: claim.exact, decision, score: claim.score }));
}

async function claimOf(tx: Tx, articleId: string, claimId: string) {
  const claim = await tx.claim.findFirst({ where: { id: claimId, articleId }, select: reviewClaimSelect });
  if (!claim) throw new AppError("invalid_request", "That claim was already changed or removed. Reload to see the current claims.");
  return claim;
}

async function otherClaims(tx: Tx, articleId: string, except: string[] = []) {
  return tx.claim.findMany({ where: { articleId, id: { notIn: except } }, select: { start: true, end: true } });
}
