// Deleting one's own account (decision 019). The User row stays as "[deleted account]" so debates keep
// their shape and moderators' log entries keep their author; everything that names or identifies the
// person goes, in one transaction:
// - responses lose their text and history (they stay as "[deleted]" where replies need them), unless the
//   person chose to leave their text, anonymously;
// - votes go, and the database's triggers recompute every standing they moved (decision 010);
// - follows, notifications, sessions, tokens, linked GitHub/Google identities, mailed links, account
//   events and name history go;
// - a ban outlives the account as a hash of its email address (lib/accounts/banned-emails.ts).
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isBanned } from "@/lib/policy";
import { rememberBannedEmail } from "./banned-emails";
import { confirmIdentity } from "./reauthenticate";

/** How a deleted account is shown wherever its name used to be. */
export const DELETED_ACCOUNT_NAME = "[deleted account]";

export async function deleteAccount(input: { userId: string; sessionId: string | null; password?: string; keepText: boolean }) {
  await confirmIdentity(input);
  const userId = input.userId;
  await getDb().$transaction(
    async (tx) => {
      const user = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: { email: true, role: true, bannedUntil: true, banReason: true, deletedAt: true },
      });
      if (user.deletedAt) throw new AppError("conflict", "This account is already deleted.");
      if (user.role === "admin" && (await tx.user.count({ where: { role: "admin", deletedAt: null } })) === 1) {
        throw new AppError("conflict", "You are the only admin. Make someone else an admin first, so the site keeps one.");
      }
      if (isBanned(user)) await rememberBannedEmail(tx, { email: user.email, until: user.bannedUntil!, reason: user.banReason });

      const now = new Date();
      await tx.responseRevision.deleteMany({ where: { response: { authorId: userId } } });
      if (!input.keepText) {
        await tx.response.updateMany({ where: { authorId: userId, deletedAt: null }, data: { body: "", deletedAt: now } });
        await tx.responseSource.deleteMany({ where: { response: { authorId: userId } } });
      }
      await tx.claimVote.deleteMany({ where: { userId } });
      await tx.responseVote.deleteMany({ where: { userId } });
      await tx.sourceRequest.deleteMany({ where: { userId } });
      await tx.follow.deleteMany({ where: { userId } });
      await tx.notification.deleteMany({ where: { userId } });
      await tx.personalAccessToken.deleteMany({ where: { userId } });
      await tx.userSession.deleteMany({ where: { userId } });
      await tx.account.deleteMany({ where: { userId } });
      await tx.emailToken.deleteMany({ where: { userId } });
      await tx.accountEvent.deleteMany({ where: { userId } });
      await tx.nameChange.deleteMany({ where: { userId } });
      await tx.user.update({
        where: { id: userId },
        data: {
          // An address nobody can own (RFC 2606's .invalid), unique per account.
          email: `deleted-${userId}@deleted.invalid`,
          name: DELETED_ACCOUNT_NAME,
          image: null,
          passwordHash: null,
          emailVerified: null,
          role: "user",
          deletedAt: now,
          replyMail: "off",
          followMail: false,
          digest: "off",
          digestCoveredUntil: null,
          mailUndeliverableAt: null,
        },
      });
    },
    // Someone with years of votes: every standing they touched is recomputed inside this transaction.
    { timeout: 60_000 },
  );
}
