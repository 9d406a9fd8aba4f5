// Strong/Weak on a response: the command the claim page's server action and the public API call. It
// counts against the person's vote limit, shared with claim votes (./vote-on-claim.ts).
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { announce } from "@/lib/live/publish";
import { enforceRateLimit } from "@/lib/platform/rate-limit";
import { getSettings } from "@/lib/platform/settings";
import { canParticipate, canVoteOnResponse, type Actor } from "@/lib/policy";
import { debatableResponse } from "./debate-targets";
import type { ResponseVoteInput } from "./schemas";
import { VOTE_WINDOW_MS, voteLimitKey } from "./vote-on-claim";

/** Stores, changes or clears `voter`'s vote on a response (null takes it back), under their vote limit. */
export async function voteOnResponse(voter: Actor, input: ResponseVoteInput): Promise<void> {
  if (!canParticipate(voter)) throw new AppError("forbidden", "Your account cannot do that right now.");
  await enforceRateLimit(voteLimitKey(voter.id), { limit: (await getSettings()).votesPerMinute, windowMs: VOTE_WINDOW_MS }, "voting");
  await storeResponseVote(voter, input);
}

/**
 * The vote without the rate limit: for seeding demo and benchmark data and for tests that set up a
 * debate. Nobody may vote on their own response, even here.
 */
export async function storeResponseVote(voter: Actor, { responseId, value }: ResponseVoteInput): Promise<void> {
  const userId = voter.id;
  return getDb().$transaction(async (tx) => {
    const response = await debatableResponse(tx, responseId, userId);
    if (!canVoteOnResponse(voter, response)) throw new AppError("forbidden", "You cannot vote on your own response.");
    const key = { responseId_userId: { responseId, userId } };
    if (value === null) {
      await tx.responseVote.deleteMany({ where: { responseId, userId } });
    } else {
      const existing = await tx.responseVote.findUnique({ where: key, select: { value: true } });
      await tx.responseVote.upsert({ where: key, create: { responseId, userId, value }, update: { value } });
      if (!existing) {
        await tx.notification.create({ data: { userId: response.authorId, kind: "vote", actorId: userId, responseId } });
      }
    }
    await announce(tx, { type: "vote", claimId: response.claimId, articleId: response.claim.articleId, responseId });
  });
}
