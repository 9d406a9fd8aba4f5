// The claim vote as one SQL statement, shared by the data function (lib/debate/debate.ts, through Prisma)
// and the fast vote endpoint (lib/fast-writes, through pg). One round trip, no interactive transaction:
// it counts the rate-limit hit (when given), finds the published claim, stores or clears the vote (the
// primary key makes repeats harmless), and announces it on the live channel, atomically. The claim's
// counts and standing follow by trigger (decision 010).
import { LIVE_CHANNEL } from "@/lib/live/publish";
import { stateFor, tooFastMessage, windowStart } from "@/lib/platform/rate-limit-rules";

export interface ClaimVoteInput {
  claimId: string;
  userId: string;
  value: "agree" | "disagree" | null;
}

export interface ClaimVoteRateLimit {
  key: string;
  windowStart: Date;
  limit: number;
}

/** `hits`: the rate-limit count after this hit (0 without a limit); `found`: readers see the claim. */
export interface ClaimVoteOutcome {
  hits: number;
  found: boolean;
  changed: number;
}

export function claimVoteStatement(input: ClaimVoteInput, rateLimit?: ClaimVoteRateLimit): { text: string; values: unknown[] } {
  const values: unknown[] = [input.claimId, input.userId, LIVE_CHANNEL];
  const parameter = (value: unknown) => `$${values.push(value)}`;
  const hit = rateLimit
    ? `INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${parameter(rateLimit.key)}, ${parameter(rateLimit.windowStart)}, 1)
         ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1 RETURNING "count"`
    : `SELECT 0 AS "count"`;
  const allowed = rateLimit ? `AND (SELECT "count" FROM hit) <= ${parameter(rateLimit.limit)}` : "";
  const change =
    input.value === null
      ? `DELETE FROM "ClaimVote" WHERE "claimId" = (SELECT id FROM target) AND "userId" = $2 RETURNING "claimId"`
      : `INSERT INTO "ClaimVote" ("claimId", "userId", value) SELECT id, $2, ${parameter(input.value)}::"ClaimVoteValue" FROM target
           ON CONFLICT ("claimId", "userId") DO UPDATE SET value = excluded.value RETURNING "claimId"`;
  const text = `
    WITH hit AS (${hit}),
    claim AS (
      SELECT claim.id, claim."articleId" FROM "Claim" claim JOIN "Article" article ON article.id = claim."articleId"
      -- The claims readers see (lib/debate/visibility.ts claimVisibleSql with no viewer): a hidden one is missing.
      WHERE claim.id = $1 AND article.status = 'published' AND claim."hiddenAt" IS NULL
    ),
    target AS (SELECT id, "articleId" FROM claim WHERE true ${allowed}),
    changed AS (${change}),
    announced AS (
      SELECT pg_notify($3, json_build_object('type', 'vote', 'claimId', id, 'articleId', "articleId")::text) FROM target
    )
    SELECT (SELECT "count" FROM hit)::int AS hits, EXISTS (SELECT 1 FROM claim) AS found,
      (SELECT count(*) FROM changed)::int AS changed, (SELECT count(*) FROM announced)::int AS announced`;
  return { text, values };
}

/** Every vote a person casts (claims and responses alike) counts against one limit per minute. */
export const VOTE_WINDOW_MS = 60_000;
export const voteLimitKey = (userId: string) => `vote:user:${userId}`;

export type ClaimVoteVerdict = { ok: true } | { ok: false; status: 429; message: string; retryAfterSeconds: number } | { ok: false; status: 404; message: string };

/**
 * The claim vote under the person's vote limit — the statement, and what its outcome means — for every
 * caller of it: the claim page's endpoint (lib/fast-writes) and the public API (lib/debate/participation).
 */
export function limitedClaimVote(input: ClaimVoteInput, votesPerMinute: number, now = Date.now()) {
  const rule = { limit: votesPerMinute, windowMs: VOTE_WINDOW_MS };
  const statement = claimVoteStatement(input, { key: voteLimitKey(input.userId), windowStart: windowStart(rule, now), limit: rule.limit });
  const verdict = (outcome: ClaimVoteOutcome): ClaimVoteVerdict => {
    const limit = stateFor(outcome.hits, rule, now);
    if (limit.limited) return { ok: false, status: 429, message: tooFastMessage("voting", limit.retryAfterSeconds), retryAfterSeconds: limit.retryAfterSeconds };
    if (!outcome.found) return { ok: false, status: 404, message: "That claim does not exist." };
    return { ok: true };
  };
  return { ...statement, verdict };
}
