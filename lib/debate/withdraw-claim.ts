// A reader takes back a claim they raised (issue 28), while it is still theirs alone: nobody else has
// voted on it, answered it or rated an argument under it. It goes with everything in it (their own first
// argument, their vote, follows), and the public log keeps that its raiser withdrew it. Once someone
// else has taken part it belongs to the debate; an editor can still remove it (./curate-claim.ts).
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { announce } from "@/lib/live/publish";
import { lockArticle } from "@/lib/articles/article-row-lock";
import { log, WITHDRAW_CLAIM_ACTION } from "@/lib/moderation/log";
import { canWithdrawClaim, type Actor } from "@/lib/policy";

export async function withdrawClaim(actor: Actor, { claimId }: { claimId: string }): Promise<{ articleSlug: string }> {
  return getDb().$transaction(async (tx) => {
    const missing = () => new AppError("not_found", "That claim does not exist.");
    const found = await tx.claim.findUnique({ where: { id: claimId }, select: { articleId: true } });
    if (!found) throw missing();
    // After any raise, merge or editor's change in the same article (lib/articles/article-row-lock.ts).
    const article = await lockArticle(tx, found.articleId);
    const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { id: true, text: true, origin: true, raisedById: true, hiddenAt: true } });
    if (!claim || !article || claim.hiddenAt) throw missing();
    if (!canWithdrawClaim(actor, claim)) throw new AppError("forbidden", "Only the reader who raised a claim can withdraw it.");
    if (claim.origin !== "reader") throw new AppError("conflict", "An editor made this claim one of the article's own: it can no longer be withdrawn.");
    const [others] = await tx.$queryRaw<{ voted: boolean; answered: boolean }[]>`
      select exists (select 1 from "ClaimVote" where "claimId" = ${claim.id} and "userId" <> ${actor.id}) as voted,
        exists (select 1 from "Response" r where r."claimId" = ${claim.id} and (r."authorId" <> ${actor.id}
          or exists (select 1 from "ResponseVote" v where v."responseId" = r.id and v."userId" <> ${actor.id}))) as answered`;
    if (others.voted || others.answered) {
      throw new AppError(
        "conflict",
        `Someone else has ${others.voted ? "voted on" : "answered"} this claim, so it is part of the debate now and stays. An editor can remove it if it should not be here.`,
      );
    }
    await log(tx, {
      moderatorId: null,
      action: WITHDRAW_CLAIM_ACTION,
      targetType: "claim",
      targetId: claim.id,
      reason: `Withdrawn by the reader who raised it: “${claim.text}”`,
    });
    await tx.claim.delete({ where: { id: claim.id } });
    await announce(tx, { type: "claim", claimId: claim.id, articleId: article.id });
    return { articleSlug: article.slug };
  });
}
