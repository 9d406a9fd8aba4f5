// A reader raises a claim: words they selected in a published article become a claim with its own
// debate, anchored like the pipeline's (decision 004), or open the claim that already covers them.
// Who may raise is checked by the caller (lib/policy: "claim.raise"); the limits are checked here, for
// the page's action and the API alike, and only when a claim is actually created. The page's composer
// sends the reader's first argument with the words (issue 28): it is posted in the same transaction, on
// the new claim or on the one that already covers the words, under the posting limits.
import { judgeSelection, type ExistingClaim } from "@/lib/argument/raise-rules";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Span } from "@/lib/ingest/spans";
import { announce } from "@/lib/live/publish";
import { lockArticle, type LockedArticle } from "@/lib/articles/article-row-lock";
import { anchoredRow } from "@/lib/articles/claim-columns";
import type { SessionUser } from "@/lib/accounts/users";
import { enforceRateLimit } from "@/lib/platform/rate-limit";
import { getSettings } from "@/lib/platform/settings";
import type { RaiseClaimInput } from "./schemas";
import { enforcePostingLimits, writeResponse } from "./post-response";

const DAY = 24 * 60 * 60 * 1000;

export type RaiseClaimOutcome =
  /** `argued`: the first argument sent with the words was posted on it. */
  | { kind: "created"; claimId: string; argued: boolean }
  /** The words are (mostly) an existing claim's: its debate is where this point is argued. */
  | { kind: "existing"; claimId: string; argued: boolean }
  /** Nothing was created; `suggestion` (if any) is what could be argued instead, `claimId` a claim it touches. */
  | { kind: "suggestion"; message: string; suggestion: (Span & { text: string }) | null; claimId: string | null };

type Tx = Prisma.TransactionClient;

/** The reader's selection in today's body: as sent if the words are still there, else found by its words. */
function currentSelection(article: LockedArticle, input: Pick<RaiseClaimInput, "start" | "end" | "quote">): Span {
  if (article.body.slice(input.start, input.end) === input.quote) return { start: input.start, end: input.end };
  if (!input.quote.trim()) throw new AppError("invalid_request", "Select some words of the article first.");
  const found = article.body.indexOf(input.quote);
  if (found >= 0 && article.body.indexOf(input.quote, found + 1) < 0) return { start: found, end: found + input.quote.length };
  throw new AppError("conflict", "The article's text changed since you opened it, and those words are not in it now. Reload the page and select again.");
}

async function claimsOf(tx: Tx, articleId: string) {
  return tx.claim.findMany({ where: { articleId }, select: { id: true, start: true, end: true, hiddenAt: true, duplicateOfId: true } });
}

type StoredClaim = Awaited<ReturnType<typeof claimsOf>>[number];

/** Where a reader who selected `claim`'s words should argue: the claim, the one it was merged into, or nowhere. */
function debateFor(claim: StoredClaim, claims: StoredClaim[]): string | null {
  const seen = new Set<string>();
  let current: StoredClaim | undefined = claim;
  while (current?.hiddenAt && current.duplicateOfId && !seen.has(current.id)) {
    seen.add(current.id);
    current = claims.find((other) => other.id === current!.duplicateOfId);
  }
  return current && !current.hiddenAt ? current.id : null;
}

async function enforceRaiseLimits(user: SessionUser) {
  const settings = await getSettings();
  if (Date.now() - user.createdAt.getTime() < DAY) {
    await enforceRateLimit(`claim-new:day:${user.id}`, { limit: settings.newAccountClaimsPerDay, windowMs: DAY }, "raising claims");
  }
  await enforceRateLimit(`claim:day:${user.id}`, { limit: settings.claimsPerDay, windowMs: DAY }, "raising claims");
}

type RaiseRequest = Omit<RaiseClaimInput, "firstArgument"> & { firstArgument?: RaiseClaimInput["firstArgument"] };

export async function raiseClaimAs(user: SessionUser, input: RaiseRequest): Promise<RaiseClaimOutcome> {
  const argument = input.firstArgument ?? null;
  /** Posts the reader's first argument on `claimId`, in the raise's transaction (a refused one refuses the raise). */
  const argue = async (tx: Tx, claimId: string) => {
    if (!argument) return false;
    await enforcePostingLimits(user);
    await writeResponse(tx, { claimId, parentId: null, stance: argument.stance, body: argument.body, sources: argument.sources, authorId: user.id });
    return true;
  };
  return getDb().$transaction(async (tx) => {
    const article = await lockArticle(tx, input.articleId);
    if (!article || article.status !== "published") throw new AppError("not_found", "This article no longer exists or was unpublished.");
    if (article.lockedAt) throw new AppError("conflict", "This article's debate is locked: no new claims can be raised.");
    const claims = await claimsOf(tx, article.id);
    const judgement = judgeSelection(article.body, article.blocks, currentSelection(article, input), claims as ExistingClaim[]);
    const withText = (span: Span | null) => span && { ...span, text: article.body.slice(span.start, span.end) };
    switch (judgement.kind) {
      case "invalid":
        throw new AppError("invalid_request", judgement.message);
      case "acrossParagraphs":
        return { kind: "suggestion", message: judgement.message, suggestion: withText(judgement.suggestion), claimId: null };
      case "partlyClaimed": {
        const claimId = debateFor(
          claims.find((claim) => claim.id === judgement.claimId)!,
          claims,
        );
        return { kind: "suggestion", message: judgement.message, suggestion: withText(judgement.suggestion), claimId };
      }
      case "existing": {
        const claimId = debateFor(
          claims.find((claim) => claim.id === judgement.claimId)!,
          claims,
        );
        if (!claimId) throw new AppError("conflict", "Moderators withheld a claim on these words; it cannot be raised again.");
        return { kind: "existing", claimId, argued: await argue(tx, claimId) };
      }
      case "new": {
        await enforceRaiseLimits(user);
        const claim = await tx.claim.create({
          data: { articleId: article.id, origin: "reader", raisedById: user.id, score: null, ...anchoredRow(article.body, judgement.span) },
          select: { id: true },
        });
        await tx.follow.create({ data: { userId: user.id, claimId: claim.id } });
        await announce(tx, { type: "claim", claimId: claim.id, articleId: article.id });
        return { kind: "created", claimId: claim.id, argued: await argue(tx, claim.id) };
      }
    }
  });
}
