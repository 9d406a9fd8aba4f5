// Whose submissions publish without an editor's review (the admins' submissionsPublish setting):
// nobody (0, the default), trusted readers (1) or everyone who may submit (2). A trusted reader has an
// account at least 30 days old with a confirmed email, no sanction now, no response removed by a
// moderator, and at least 3 earlier submissions that editors published. The admin page says the same.
import type { Prisma } from "@/lib/generated/prisma/client";
import { getSettings } from "@/lib/platform/settings";
import { isBanned, isSilenced } from "@/lib/policy";

export const TRUST_RULE = { accountDays: 30, publishedSubmissions: 3 } as const;

type Db = Pick<Prisma.TransactionClient, "user" | "submission" | "response">;

export async function isTrustedSubmitter(db: Db, userId: string, now = new Date()): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { createdAt: true, emailVerified: true, silencedUntil: true, bannedUntil: true } });
  if (!user || !user.emailVerified) return false;
  if (now.getTime() - user.createdAt.getTime() < TRUST_RULE.accountDays * 86_400_000) return false;
  if (isSilenced(user, now) || isBanned(user, now)) return false;
  const [published, removed] = await Promise.all([
    db.submission.count({ where: { submitterId: userId, state: "published" } }),
    db.response.count({ where: { authorId: userId, removedAt: { not: null } } }),
  ]);
  return published >= TRUST_RULE.publishedSubmissions && removed === 0;
}

/** Whether this person's submission goes live without review, by the admins' setting. */
export async function publishesWithoutReview(db: Db, userId: string): Promise<boolean> {
  const { submissionsPublish } = await getSettings();
  if (submissionsPublish >= 2) return true;
  if (submissionsPublish === 1) return isTrustedSubmitter(db, userId);
  return false;
}
