// Self-service changes from the settings page: display name (logged for moderators), password, and
// which mail the person gets.
import { getDb } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { passwordWeakness } from "@/lib/auth/password-strength";
import { AppError } from "@/lib/errors";
import { limitAccountChanges } from "./change-limit";
import { confirmIdentity } from "./reauthenticate";
import type { MailPreferences } from "./schemas";

/** A new display name, with the old one kept in NameChange for moderators. Pages show it at once. */
export async function changeDisplayName(userId: string, name: string) {
  const current = await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  if (current.name === name) return { name };
  await limitAccountChanges(userId);
  await getDb().$transaction([
    getDb().user.update({ where: { id: userId }, data: { name } }),
    getDb().nameChange.create({ data: { userId, oldName: current.name, newName: name } }),
  ]);
  return { name };
}

/** Changes the password (the current one required) and signs out every other session. */
export async function changePassword(input: { userId: string; sessionId: string | null; currentPassword: string; newPassword: string }) {
  const user = await getDb().user.findUniqueOrThrow({ where: { id: input.userId }, select: { name: true, email: true, passwordHash: true } });
  if (!user.passwordHash) {
    throw new AppError("invalid_request", 'Your account signs in through GitHub or Google. To add a password, use "Forgot password?" on the sign-in page.');
  }
  await limitAccountChanges(input.userId);
  await confirmIdentity({ userId: input.userId, sessionId: input.sessionId, password: input.currentPassword });
  const weakness = passwordWeakness(input.newPassword, [user.name, user.email]);
  if (weakness) throw new AppError("invalid_request", weakness);
  const passwordHash = await hashPassword(input.newPassword);
  const ended = await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash } });
    const { count } = await tx.userSession.updateMany({
      where: { userId: input.userId, endedAt: null, ...(input.sessionId ? { id: { not: input.sessionId } } : {}) },
      data: { endedAt: new Date() },
    });
    await tx.accountEvent.create({ data: { userId: input.userId, kind: "password_changed" } });
    return count;
  });
  return { otherSessionsEnded: ended };
}

export async function updateMailPreferences(userId: string, preferences: MailPreferences) {
  await getDb().user.update({ where: { id: userId }, data: preferences });
  return preferences;
}

/** What moderators see of a person's names (their profile page). */
export async function listNameChanges(userId: string, take = 20) {
  return getDb().nameChange.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take, select: { oldName: true, newName: true, createdAt: true } });
}

/** What the settings page shows about the account itself. */
export async function readAccountSettings(userId: string) {
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, email: true, emailVerified: true, passwordHash: true, mailUndeliverableAt: true, replyMail: true, followMail: true, digest: true },
  });
  const { passwordHash, replyMail, followMail, digest, ...rest } = user;
  return { ...rest, hasPassword: passwordHash !== null, mail: { replyMail, followMail, digest } };
}
