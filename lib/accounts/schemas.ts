// Every input of the self-service account commands, one schema each, shared by the settings page's
// server actions and the pages that mailed links open. Name and password follow sign-up's rules.
import { z } from "@/lib/zod";
import { ZNewPassword } from "@/lib/auth/password-rules";
import { EMAIL_MAX_LENGTH, ZSignUp } from "@/lib/auth/sign-up-schema";
import { DigestFrequency, MailTiming } from "@/lib/generated/prisma/enums";

const emailAddress = z
  .string({ error: "Enter an email address." })
  .trim()
  .max(EMAIL_MAX_LENGTH, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

/** A token from a mailed link: base64url, 43 characters for 32 bytes; anything else is not ours. */
export const ZEmailLinkToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "This link is not valid.");

export const ZForgotPassword = z.object({ email: emailAddress });
export const ZResetPassword = z.object({ token: ZEmailLinkToken, password: ZNewPassword });
export const ZUseEmailLink = z.object({ token: ZEmailLinkToken });

export const ZChangeName = z.object({ name: ZSignUp.shape.name });
export const ZChangePassword = z.object({
  currentPassword: z.string().max(1024),
  newPassword: ZNewPassword,
});
export const ZChangeEmail = z.object({ newEmail: emailAddress, password: z.string().max(1024).optional() });

export const ZMailPreferences = z.object({
  replyMail: z.enum(MailTiming),
  followMail: z.boolean(),
  digest: z.enum(DigestFrequency),
});
export type MailPreferences = z.infer<typeof ZMailPreferences>;

export const ZEndSession = z.object({ sessionId: z.string().min(1).max(64) });

export const ZDeleteAccount = z.object({
  /** Required for accounts with a password; OAuth-only accounts must have signed in in the last minutes. */
  password: z.string().max(1024).optional(),
  confirmation: z.literal("delete my account", { error: 'Type "delete my account" to confirm.' }),
  /** Leave the responses' text in their debates, under "[deleted account]". */
  keepText: z.boolean(),
});
export type DeleteAccountInput = z.infer<typeof ZDeleteAccount>;
