// What the debate's commands act on, found inside their transaction: a claim readers see, a response
// that can be answered or voted on, one's own response. Anything a reader may not see is "does not
// exist", so writes cannot tell a hidden claim from a missing one.
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { canChangeResponse, type Actor } from "@/lib/policy";
import { appearanceToParticipant, arguesForReaders } from "@/lib/policy/visibility";
import { claimVisibleSql, responseStateSelect, visibleClaimWhere } from "./visibility";

export type Tx = Prisma.TransactionClient;

/**
 * A claim that takes part in debate: one readers see (lib/policy/visibility.ts). Anything else is "does
 * not exist", for everyone, so writes cannot tell a hidden claim from a missing one.
 */
export async function liveClaim(tx: Tx, claimId: string) {
  // One round trip (the claim with its article's lock): posting runs this on every response.
  const [claim] = await tx.$queryRaw<{ id: string; articleId: string; locked: boolean }[]>`
    select c.id, c."articleId", (c."lockedAt" is not null or a."lockedAt" is not null) as locked
    from "Claim" c join "Article" a on a.id = c."articleId"
    where c.id = ${claimId} and ${claimVisibleSql(null)}`;
  if (!claim) throw new AppError("not_found", "That claim does not exist.");
  return claim;
}

/**
 * A response someone wants to answer or vote on, on a claim readers see. One the actor may not see
 * is "does not exist" (404), exactly like a missing id; one they see that takes no part in debate
 * (deleted, or theirs under review) is a conflict (409) that says why.
 */
export async function debatableResponse(tx: Tx, responseId: string, actorId: string, { claimId }: { claimId?: string } = {}) {
  const response = await tx.response.findFirst({
    where: { id: responseId, ...(claimId ? { claimId } : {}), claim: visibleClaimWhere(null) },
    select: { id: true, claimId: true, claim: { select: { articleId: true } }, ...responseStateSelect },
  });
  const appearance = response ? appearanceToParticipant(response, actorId) : null;
  if (!response || appearance === null) throw new AppError("not_found", "That response does not exist.");
  if (appearance === "tombstone") throw new AppError("conflict", "That response was deleted.");
  if (appearance === "placeholder") {
    throw new AppError("conflict", response!.removedAt ? "A moderator removed that response." : "That response is hidden while moderators review it.");
  }
  if (!arguesForReaders(response)) throw new AppError("conflict", "That response is under review: it takes no replies or votes for now.");
  return response;
}

export async function ownResponse(tx: Tx, responseId: string, actor: Actor, allowed = canChangeResponse) {
  const response = await tx.response.findUnique({
    where: { id: responseId },
    select: {
      id: true,
      authorId: true,
      body: true,
      createdAt: true,
      editedAt: true,
      deletedAt: true,
      removedAt: true,
      hiddenAt: true,
      claimId: true,
      claim: { select: { articleId: true } },
    },
  });
  if (!response) throw new AppError("not_found", "That response does not exist.");
  if (!allowed(actor, response)) {
    throw new AppError(
      "forbidden",
      response.authorId === actor.id ? "Your account cannot change responses right now." : "Only its author can change a response.",
    );
  }
  if (response.deletedAt) throw new AppError("conflict", "That response was deleted.");
  if (response.removedAt) throw new AppError("conflict", "A moderator removed that response; it can no longer be changed.");
  return response;
}
