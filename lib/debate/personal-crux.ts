// "Your crux here" (lib/argument/crux.ts): for a signed-in reader who voted on a claim, the response
// whose vote would move the claim most for them. Read for the claim page's person layer, on request
// (GET /api/claims/:id/crux, answered by the edge: server/crux-endpoint.ts).
import { getReadDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ClaimVoteValue } from "@/lib/vocabulary";
import { personalCrux, type Crux } from "@/lib/argument/crux";
import type { Actor } from "@/lib/policy";
import { reasonExcerpt } from "@/lib/live/updates";
import { arguingResponseWhere, visibleClaimWhere } from "./visibility";

export interface CruxView extends Crux {
  excerpt: string;
  /** The reader's own vote on the claim, which the crux is told in terms of. */
  claimVote: ClaimVoteValue;
}

export async function readPersonalCrux(viewer: Actor, claimId: string): Promise<CruxView | null> {
  const db = getReadDb();
  const claim = await db.claim.findFirst({ where: { id: claimId, ...visibleClaimWhere(viewer) }, select: { id: true } });
  // A claim this reader may not see is one that does not exist, as on every read path.
  if (!claim) throw new AppError("not_found", "That claim does not exist.");
  const [claimVote, responses, votes] = await Promise.all([
    db.claimVote.findUnique({ where: { claimId_userId: { claimId, userId: viewer.id } }, select: { value: true } }),
    db.response.findMany({
      where: { claimId, ...arguingResponseWhere },
      // No bodies: a debate of thousands of responses needs one of them, the crux's.
      select: { id: true, parentId: true, stance: true, strongVotes: true, weakVotes: true },
    }),
    db.responseVote.findMany({ where: { userId: viewer.id, response: { claimId, ...arguingResponseWhere } }, select: { responseId: true, value: true } }),
  ]);
  if (!claimVote) return null;
  const crux = personalCrux(
    claimVote.value,
    responses.map((response) => ({
      id: response.id,
      parentId: response.parentId,
      stance: response.stance,
      strong: response.strongVotes,
      weak: response.weakVotes,
    })),
    new Map(votes.map((vote) => [vote.responseId, vote.value])),
  );
  if (!crux) return null;
  const { body } = await db.response.findUniqueOrThrow({ where: { id: crux.responseId }, select: { body: true } });
  return { ...crux, claimVote: claimVote.value, excerpt: reasonExcerpt(body, false) };
}
