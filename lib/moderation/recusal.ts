// No judging your own case (issue 31; Discourse never lets staff handle flags on their own posts): a
// moderator or admin does not decide about reports on their own content. On a site with a single
// moderator nobody else could, so that one may, after saying "I am the only moderator", and the public
// log says the author decided. Sanctioning oneself is refused by the policy's ranks (user.sanction).
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, roleRank, type Actor } from "@/lib/policy";
import { ROLES } from "@/lib/vocabulary";

/** The roles that moderate: moderator and every role above it. */
const MODERATING_ROLES = ROLES.filter((role) => roleRank(role) >= roleRank("moderator"));

/** Moderators and admins other than `actorId` who could decide instead (not deleted, not banned). */
export async function countOtherModerators(tx: Pick<Prisma.TransactionClient, "user">, actorId: string): Promise<number> {
  return tx.user.count({
    where: {
      id: { not: actorId },
      role: { in: [...MODERATING_ROLES] },
      deletedAt: null,
      OR: [{ bannedUntil: null }, { bannedUntil: { lt: new Date() } }],
    },
  });
}

export const OWN_CASE_MESSAGE = "This is about your own content: another moderator must decide.";
export const SOLE_MODERATOR_MESSAGE = "This is about your own content and you are the only moderator: confirm “I am the only moderator” to decide it yourself.";
/** Added to the public log's entry when the site's only moderator decided about their own content. */
export const SOLE_MODERATOR_NOTE = "Decided by its author, the site's only moderator.";

/**
 * Refuses a decision about the moderator's own content while someone else could take it. Answers
 * whether the decision is the author's own (then the log must say so).
 */
export async function checkNotOwnCase(
  tx: Prisma.TransactionClient,
  moderator: Actor,
  authorId: string | null,
  soleModeratorConfirmed: boolean,
): Promise<{ ownCase: boolean }> {
  if (authorId !== moderator.id) return { ownCase: false };
  const otherModerators = await countOtherModerators(tx, moderator.id);
  if (!can(moderator, "moderation.decide", { authorId, otherModerators })) throw new AppError("forbidden", OWN_CASE_MESSAGE);
  if (!soleModeratorConfirmed) throw new AppError("conflict", SOLE_MODERATOR_MESSAGE);
  return { ownCase: true };
}
