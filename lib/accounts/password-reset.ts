// "Forgot password?": a mailed, single-use link that works for an hour (lib/accounts/email-tokens.ts).
// Asking answers the same, in the same time, whether or not the address has an account: the request
// only queues a job, and the worker finds out whether there is anyone to mail (lib/mail/send-mail.ts).
import { getDb } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { passwordWeakness } from "@/lib/auth/password-strength";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { enforceRateLimit } from "@/lib/platform/rate-limit";
import { getSettings } from "@/lib/platform/settings";
import { normaliseEmail } from "./normalise-email";
import { useEmailToken } from "./email-tokens";
import type { z } from "zod";
import type { ZForgotPassword, ZResetPassword } from "./schemas";

const HOUR = 60 * 60 * 1000;

/** Queues the reset mail. Limited per network address and per email, counted whether or not it has an account. */
export async function requestPasswordReset(input: z.infer<typeof ZForgotPassword>, ip: string, { mailAfter = afterThisAnswer() }: { mailAfter?: Date } = {}) {
  const settings = await getSettings();
  const email = normaliseEmail(input.email);
  await enforceRateLimit(`password-reset:ip:${ip}`, { limit: settings.passwordResetsPerHourPerAddress, windowMs: HOUR }, "asking for password resets");
  await enforceRateLimit(`password-reset:email:${email}`, { limit: settings.passwordResetsPerHourPerAccount, windowMs: HOUR }, "asking for password resets");
  await enqueueJob(getDb(), "send_mail", { kind: "password_reset", email }, { jobKey: `password-reset:${email}`, runAt: mailAfter });
}

/**
 * When the mail job may start: a second or two from now, at a random moment. Looking up the account and
 * writing the mail is real work only when the address has an account; run at once, it competed with this
 * very answer for the machine and the database, and made answers for known addresses measurably slower.
 */
function afterThisAnswer(): Date {
  return new Date(Date.now() + 1000 + Math.floor(Math.random() * 1000));
}

/**
 * Sets a new password from a reset link, in one transaction: the link is used up, every session ends
 * (whoever else was signed in is out), and the address counts as confirmed (the link proved it).
 * Returns the address, for the browser to sign in with. A bad link or a weak password changes nothing.
 */
export async function resetPassword(input: z.infer<typeof ZResetPassword>): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  return getDb().$transaction(async (tx) => {
    const token = await useEmailToken(tx, input.token, ["password_reset"]);
    const user = await tx.user.findUnique({ where: { id: token.userId }, select: { id: true, email: true, name: true, deletedAt: true } });
    if (!user || user.deletedAt || user.email !== token.email) throw new AppError("invalid_request", "This link is not valid any more. Ask for a new one.");
    const weakness = passwordWeakness(input.password, [user.name, user.email]);
    if (weakness) throw new AppError("invalid_request", weakness);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, emailVerified: new Date(), mailUndeliverableAt: null } });
    await tx.emailToken.updateMany({ where: { userId: user.id, purpose: "password_reset", usedAt: null }, data: { usedAt: new Date() } });
    await tx.userSession.updateMany({ where: { userId: user.id, endedAt: null }, data: { endedAt: new Date() } });
    await tx.accountEvent.create({ data: { userId: user.id, kind: "password_changed" } });
    return { email: user.email };
  });
}
