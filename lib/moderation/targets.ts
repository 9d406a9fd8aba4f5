// What moderators and reporters act on: a claim or a response, loaded with what every decision needs.
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export type Tx = Prisma.TransactionClient;

export type TargetType = "claim" | "response";

export interface Target {
  type: TargetType;
  id: string;
}

export async function loadTarget(tx: Tx, target: Target) {
  if (target.type === "response") {
    const response = await tx.response.findUnique({
      where: { id: target.id },
      select: {
        id: true,
        authorId: true,
        claimId: true,
        hiddenAt: true,
        removedAt: true,
        deletedAt: true,
        moderationVersion: true,
        claim: { select: { articleId: true } },
      },
    });
    if (!response) throw new AppError("not_found", "That response does not exist.");
    return { ...response, articleId: response.claim.articleId };
  }
  const claim = await tx.claim.findUnique({
    where: { id: target.id },
    select: { id: true, articleId: true, hiddenAt: true, moderationVersion: true, raisedById: true },
  });
  if (!claim) throw new AppError("not_found", "That claim does not exist.");
  // A claim a reader raised is theirs, like a response: they cannot report it.
  return { ...claim, claimId: claim.id, authorId: claim.raisedById, removedAt: null as Date | null, deletedAt: null as Date | null };
}
