// The API's rate limits (decision 014): per token, or per address without one, with admins' settings
// for the limits. Every answer says where its caller stands (RateLimit-* headers). Framework-free: the
// API's handler (./handler.ts) and the HTTP edge, which answers anonymous reads from the shared cache
// (server/page-cache.ts), count and answer alike.
import type { SqlRunner } from "@/lib/db/sql-runner";
import { AppError } from "@/lib/errors";
import { hitRateLimitWith } from "@/lib/platform/rate-limit-hit";
import { SETTING_DEFAULTS } from "@/lib/platform/setting-defaults";
import type { RateLimitState } from "@/lib/platform/rate-limit-rules";

const MINUTE = 60_000;

export type ApiCaller = { tokenId: string; limit: number } | { address: string };

/** Counts one request; answers the headers to send, or throws rate_limited (with them) past the limit. */
export async function hitApiLimit(sql: SqlRunner, caller: ApiCaller, now = Date.now()): Promise<Record<string, string>> {
  const state =
    "tokenId" in caller
      ? await hitRateLimitWith(sql, `api:token:${caller.tokenId}`, { limit: caller.limit, windowMs: MINUTE }, { now })
      : await hitRateLimitWith(
          sql,
          `api:ip:${caller.address}`,
          { limit: SETTING_DEFAULTS.apiAnonymousRequestsPerMinute, windowMs: MINUTE },
          { now, settingKey: "apiAnonymousRequestsPerMinute" },
        );
  const headers = limitHeaders(state);
  if (state.limited) {
    const advice = "tokenId" in caller ? "" : " Requests with an access token have a higher limit.";
    throw new AppError("rate_limited", `Too many requests: at most ${state.limit} a minute. Try again in ${state.retryAfterSeconds} seconds.${advice}`, {
      headers,
      retryAfterSeconds: state.retryAfterSeconds,
    });
  }
  return headers;
}

function limitHeaders(state: RateLimitState & { limit: number }) {
  return {
    "RateLimit-Limit": String(state.limit),
    "RateLimit-Remaining": String(Math.max(0, state.limit - state.count)),
    "RateLimit-Reset": String(state.retryAfterSeconds),
  };
}
