// Fixed-window rate limiting stored in PostgreSQL, so limits hold across every app instance.
// One upsert per hit (./rate-limit-hit.ts).
import { appSql, getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hitRateLimitWith } from "./rate-limit-hit";
import { tooFastMessage, windowStart, type RateLimitRule, type RateLimitState } from "./rate-limit-rules";

export type { RateLimitRule, RateLimitState };

/** Records one event under `key`; `limited` means this event goes past the limit and must be refused. */
export async function hitRateLimit(key: string, rule: RateLimitRule, now = Date.now()): Promise<RateLimitState> {
  return hitRateLimitWith(appSql, key, rule, { now });
}

/** Counts one event under `key`; past the rule's limit it throws rate_limited, with when to retry. */
export async function enforceRateLimit(key: string, rule: RateLimitRule, what: string) {
  const state = await hitRateLimit(key, rule);
  if (state.limited) {
    throw new AppError("rate_limited", tooFastMessage(what, state.retryAfterSeconds), { retryAfterSeconds: state.retryAfterSeconds });
  }
}

/** Takes back one event under `key` in the current window (an attempt that turned out fine). */
export async function refundRateLimit(key: string, rule: RateLimitRule, now = Date.now()) {
  await getDb().$executeRaw`
    update "RateLimitCounter" set "count" = greatest("count" - 1, 0) where "key" = ${key} and "windowStart" = ${windowStart(rule, now)}`;
}

export async function clearRateLimit(key: string) {
  await getDb().rateLimitCounter.deleteMany({ where: { key } });
}

/** Old windows are dead weight; callers prune now and then rather than on every hit. */
export async function pruneRateLimits(olderThanMs = 24 * 60 * 60 * 1000, now = Date.now()) {
  await getDb().rateLimitCounter.deleteMany({ where: { windowStart: { lt: new Date(now - olderThanMs) } } });
}
