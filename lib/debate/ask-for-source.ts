// "Needs a source": a reader's mark on a response that states a fact without citing one. A kind of vote
// (SourceRequest): one per reader and response, under the same vote limit and the same rule as
// strong/weak (not on one's own response). The badge shows while the response cites no source.
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { announce } from "@/lib/live/publish";
import { enforceRateLimit } from "@/lib/platform/rate-limit";
import { getSettings } from "@/lib/platform/settings";
import { canAskForSource, canParticipate, type Actor } from "@/lib/policy";
import { debatableResponse } from "./debate-targets";
import type { SourceRequestInput } from "./schemas";
import { VOTE_WINDOW_MS, voteLimitKey } from "./vote-on-claim";

/** Marks (or unmarks) a response as needing a source; answers with how many readers ask for one now. */
export async function askForSource(voter: Actor, { responseId, needsSource }: SourceRequestInput): Promise<{ sourceRequests: number }> {
  if (!canParticipate(voter)) throw new AppError("forbidden", "Your account cannot do that right now.");
  await enforceRateLimit(voteLimitKey(voter.id), { limit: (await getSettings()).votesPerMinute, windowMs: VOTE_WINDOW_MS }, "voting");
  return getDb().$transaction(async (tx) => {
    const response = await debatableResponse(tx, responseId, voter.id);
    if (!canAskForSource(voter, response)) throw new AppError("forbidden", "You cannot ask for a source on your own response: add one by editing it.");
    if (needsSource) {
      await tx.sourceRequest.upsert({ where: { responseId_userId: { responseId, userId: voter.id } }, create: { responseId, userId: voter.id }, update: {} });
    } else {
      await tx.sourceRequest.deleteMany({ where: { responseId, userId: voter.id } });
    }
    await announce(tx, { type: "vote", claimId: response.claimId, articleId: response.claim.articleId, responseId });
    return { sourceRequests: await tx.sourceRequest.count({ where: { responseId } }) };
  });
}
