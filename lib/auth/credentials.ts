// The email + password check behind next-auth's Credentials provider (./options.ts), on exactly the
// credentials next-auth hands it. In this order: count the attempt (./sign-in-limits.ts), then one
// password hash whether or not the account exists (so the time taken does not tell), then the ban.
import { z } from "@/lib/zod";
import { getCredentialsByEmail } from "@/lib/accounts/users";
import { canSignIn } from "@/lib/policy";
import { lockoutCode, lockoutSeconds } from "./messages";
import { verifyPassword } from "./password";
import { admitSignInAttempt, forgiveSignInAttempt } from "./sign-in-limits";

export const ZCredentials = z.object({
  email: z.string().trim().max(254),
  password: z.string().max(1024),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  image: string | null;
}

/** The user these credentials belong to, or null; throws next-auth error codes for locks and bans. */
export async function checkCredentials(raw: unknown, ip: string): Promise<SignedInUser | null> {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const retryAfter = await admitSignInAttempt(email, ip);
  // next-auth passes the message on as `?error=…` (./messages.ts reads it back).
  if (retryAfter > 0) throw new Error(lockoutCode(retryAfter));
  const user = await getCredentialsByEmail(email);
  // Always one hash: against the account's, or against a stand-in when there is no account.
  const correct = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !correct) return null;
  // Shown only after a correct password: the person learns why, and until when.
  if (!canSignIn(user)) throw new Error(`AccountSuspended:${user.bannedUntil!.getTime()}:${user.banReason ?? ""}`);
  await forgiveSignInAttempt(email, ip);
  return { id: user.id, email: user.email, name: user.name, image: user.image };
}

/** The seconds to wait, when next-auth's answer (a redirect or `{ url }`) reports a lockout; else null. */
export function lockoutIn(answerUrl: string | null): number | null {
  if (!answerUrl) return null;
  try {
    return lockoutSeconds(new URL(answerUrl, "http://localhost").searchParams.get("error"));
  } catch {
    return null;
  }
}
