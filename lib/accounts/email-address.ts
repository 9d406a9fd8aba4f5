// Confirming addresses: a new account's verification link, and changing one's email (the new address
// confirms with a link, the old one is told). Both links open /verify-email; the token says which.
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { limitAccountChanges } from "./change-limit";
import { isEmailBanned } from "./banned-emails";
import { normaliseEmail } from "./normalise-email";
import { useEmailToken } from "./email-tokens";
import { confirmIdentity } from "./reauthenticate";

/** Mails a new verification link (the settings page's "Send the link again"). */
export async function resendVerification(user: { id: string; emailVerified: Date | null }) {
  if (user.emailVerified) throw new AppError("conflict", "Your address is already confirmed.");
  await limitAccountChanges(user.id);
  await enqueueJob(getDb(), "send_mail", { kind: "verify_email", userId: user.id }, { jobKey: `verify:${user.id}` });
}

/** Asks to move the account to `newEmail`: a confirmation link to it, and a notice to the current one. */
export async function requestEmailChange(input: { userId: string; sessionId: string | null; newEmail: string; password?: string }) {
  await confirmIdentity(input);
  await limitAccountChanges(input.userId);
  const newEmail = normaliseEmail(input.newEmail);
  const user = await getDb().user.findUniqueOrThrow({ where: { id: input.userId }, select: { email: true } });
  if (newEmail === user.email) throw new AppError("invalid_request", "That is already your address.");
  await getDb().$transaction(async (tx) => {
    await enqueueJob(tx, "send_mail", { kind: "confirm_new_email", userId: input.userId, newEmail });
    await enqueueJob(tx, "send_mail", { kind: "email_change_notice", userId: input.userId, oldEmail: user.email, newEmail });
  });
  return { newEmail };
}

export type ConfirmedAddress = { purpose: "verify_email" | "change_email"; email: string };

/** Uses a link from /verify-email: confirms the account's address, or moves the account to the new one. */
export async function confirmEmailLink(token: string): Promise<ConfirmedAddress> {
  return getDb().$transaction(async (tx) => {
    const link = await useEmailToken(tx, token, ["verify_email", "change_email"]);
    const user = await tx.user.findUnique({ where: { id: link.userId }, select: { id: true, email: true, deletedAt: true } });
    if (!user || user.deletedAt) throw new AppError("invalid_request", "This link is not valid any more.");
    if (link.purpose === "verify_email") {
      if (link.email !== user.email) throw new AppError("invalid_request", "This link was for an address your account no longer uses.");
      await tx.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
      return { purpose: "verify_email", email: user.email };
    }
    const taken = await tx.user.findUnique({ where: { email: link.email }, select: { id: true } });
    if (taken && taken.id !== user.id) throw new AppError("conflict", "Another account uses this address now, so yours cannot move to it.");
    if (await isEmailBanned(tx, link.email)) throw new AppError("forbidden", "This address cannot be used: it belonged to a banned account.");
    await tx.user.update({ where: { id: user.id }, data: { email: link.email, emailVerified: new Date(), mailUndeliverableAt: null } });
    // Other pending links were for the old address or another new one: none of them may act now.
    await tx.emailToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
    await tx.accountEvent.create({ data: { userId: user.id, kind: "email_changed" } });
    return { purpose: "change_email", email: link.email };
  });
}
