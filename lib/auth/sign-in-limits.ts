// Failed sign-ins are limited per account and per network address, so guessing one password or
// spraying many accounts both stall. Counters live in PostgreSQL (lib/data/rate-limit.ts).
import { clearRateLimit, hitRateLimit, peekRateLimit, type RateLimitRule } from "@/lib/data/rate-limit";
import { normaliseEmail } from "@/lib/data/create-user";

export const SIGN_IN_FAILURES_PER_EMAIL: RateLimitRule = { limit: 5, windowMs: 15 * 60 * 1000 };
export const SIGN_IN_FAILURES_PER_IP: RateLimitRule = { limit: 30, windowMs: 15 * 60 * 1000 };

const emailKey = (email: string) => `sign-in-failure:email:${normaliseEmail(email)}`;
const ipKey = (ip: string) => `sign-in-failure:ip:${ip}`;

/** Seconds until another attempt is allowed, or 0 when the attempt may go ahead. */
export async function signInRetryAfter(email: string, ip: string): Promise<number> {
  const [byEmail, byIp] = await Promise.all([
    email ? peekRateLimit(emailKey(email), SIGN_IN_FAILURES_PER_EMAIL) : null,
    peekRateLimit(ipKey(ip), SIGN_IN_FAILURES_PER_IP),
  ]);
  const blocked = [byEmail, byIp].filter((state) => state?.limited);
  return blocked.length ? Math.max(...blocked.map((state) => state!.retryAfterSeconds)) : 0;
}

export async function recordSignInFailure(email: string, ip: string) {
  await Promise.all([
    email ? hitRateLimit(emailKey(email), SIGN_IN_FAILURES_PER_EMAIL) : null,
    hitRateLimit(ipKey(ip), SIGN_IN_FAILURES_PER_IP),
  ]);
}

export async function clearSignInFailures(email: string) {
  await clearRateLimit(emailKey(email));
}
