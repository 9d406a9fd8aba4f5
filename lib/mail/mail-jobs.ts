// The mails Arguably sends, as queued jobs. Links with tokens are made when the mail is sent, not when
// it is queued, so the queue never holds a usable token (only the mail does; the database keeps a hash).
import { z } from "@/lib/zod";

const id = z.string().min(1).max(64);
const email = z.string().min(3).max(254);

export const ZMailJob = z.discriminatedUnion("kind", [
  /** "Forgot password?": queued whether or not the address has an account; the worker finds out. */
  z.object({ kind: z.literal("password_reset"), email }),
  /** A new account's (or a resend's) verification link. */
  z.object({ kind: z.literal("verify_email"), userId: id }),
  /** A requested email change: the confirmation link, to the new address. */
  z.object({ kind: z.literal("confirm_new_email"), userId: id, newEmail: email }),
  /** A requested email change: the notice to the address the account has now. */
  z.object({ kind: z.literal("email_change_notice"), userId: id, oldEmail: email, newEmail: email }),
  /** Someone replied to this person's response (sent at once, for people who chose that). */
  z.object({ kind: z.literal("reply"), responseId: id }),
  /** An editor published or declined this person's submitted article (or it published without review). */
  z.object({ kind: z.literal("submission_decided"), submissionId: id }),
  /** What happened on what this person follows between `from` and `until` (ISO times). */
  z.object({ kind: z.literal("digest"), userId: id, from: z.iso.datetime(), until: z.iso.datetime() }),
]);

export type MailJob = z.infer<typeof ZMailJob>;
