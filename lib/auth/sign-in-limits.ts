// Sign-in attempts are limited per account and per network address, so guessing one password or
// spraying many accounts both stall. Each attempt is counted, atomically in PostgreSQL
// (lib/platform/rate-limit.ts), before its password is checked, keyed on the email the credentials check
// is about to evaluate; a correct password takes its attempt back. So however the request is shaped
// (repeated fields, JSON) and however many arrive at once, at most `limit` passwords are tried.
import { recordAccountEventByEmail } from "@/lib/accounts/account-events";
import { normaliseEmail } from "@/lib/accounts/normalise-email";
import { clearRateLimit, hitRateLimit, refundRateLimit, type RateLimitRule } from "@/lib/platform/rate-limit";

export const SIGN_IN_ATTEMPTS_PER_EMAIL: RateLimitRule = { limit: 5, windowMs: 15 * 60 * 1000 };
export const SIGN_IN_ATTEMPTS_PER_IP: RateLimitRule = { limit: 30, windowMs: 15 * 60 * 1000 };

const emailKey = (email: string) => `sign-in:email:${normaliseEmail(email)}`;
const ipKey = (ip: string) => `sign-in:ip:${ip}`;

/**
 * Counts one attempt against the email and the address. Answers 0 when its password may be checked,
 * otherwise the seconds until the next attempt may be.
 */
export async function admitSignInAttempt(email: string, ip: string): Promise<number> {
  const normalised = normaliseEmail(email);
  const [byEmail, byIp] = await Promise.all([
    normalised ? hitRateLimit(emailKey(normalised), SIGN_IN_ATTEMPTS_PER_EMAIL) : null,
    hitRateLimit(ipKey(ip), SIGN_IN_ATTEMPTS_PER_IP),
  ]);
  // The first refused attempt on an account tells its owner (once per window, not once per guess).
  if (byEmail && byEmail.count === SIGN_IN_ATTEMPTS_PER_EMAIL.limit + 1) await recordAccountEventByEmail(normalised, "sign_in_locked");
  const blocked = [byEmail, byIp].filter((state) => state?.limited);
  return blocked.length ? Math.max(...blocked.map((state) => state!.retryAfterSeconds)) : 0;
}

/** A correct password: the account's failures are forgotten and the address gets its attempt back. */
export async function forgiveSignInAttempt(email: string, ip: string) {
  await Promise.all([clearRateLimit(emailKey(email)), refundRateLimit(ipKey(ip), SIGN_IN_ATTEMPTS_PER_IP)]);
}
