// One hit on a fixed-window counter, as one statement on any SqlRunner: the app's Prisma client
// (./rate-limit.ts) or the HTTP edge's pool (server/page-cache.ts). `count + 1` is atomic under
// concurrency, so no request slips through a race. Framework-free.
import type { SqlRunner } from "@/lib/db/sql-runner";
import { stateFor, windowStart, type RateLimitRule, type RateLimitState } from "./rate-limit-rules";

/**
 * Records one event under `key` against `rule`, or against the admins' setting `settingKey` (falling back
 * to `rule.limit`) read in the same round trip; answers the state and the limit that applied.
 */
export async function hitRateLimitWith(
  sql: SqlRunner,
  key: string,
  rule: RateLimitRule,
  { now = Date.now(), settingKey = null }: { now?: number; settingKey?: string | null } = {},
): Promise<RateLimitState & { limit: number }> {
  const [row] = await sql<{ count: number; limit: number }>({
    name: "arguably-rate-limit-hit",
    text: `WITH hit AS (
        INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES ($1, $2, 1)
        ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1 RETURNING "count")
      SELECT (SELECT "count" FROM hit)::int AS "count", COALESCE((SELECT value FROM "Setting" WHERE key = $3), $4::int)::int AS "limit"`,
    values: [key, windowStart(rule, now), settingKey, rule.limit],
  });
  const limit = row.limit;
  return { ...stateFor(row.count, { ...rule, limit }, now), limit };
}
