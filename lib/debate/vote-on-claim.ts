// Agree/Disagree on a claim: the one command every transport calls — the claim page's fast endpoint
// (server/claim-vote-endpoint.ts, on a pg pool), the public API (app/api/v1, through Prisma).
//
// One SQL statement, one round trip, no interactive transaction: it counts the hit against the
// person's vote limit (read from the admins' settings in the same statement), finds the published
// claim, stores or clears the vote (the primary key makes repeats harmless), and announces it on the
// live channel, atomically. The claim's counts and standing follow by trigger (decision 010).
//
// Framework-free on purpose (no Prisma client, nothing server-only) so that the HTTP edge can run it.
import type { SqlRunner, SqlStatement } from "@/lib/db/sql-runner";
import { AppError } from "@/lib/errors";
import { LIVE_CHANNEL } from "@/lib/live/publish";
import { SETTING_DEFAULTS } from "@/lib/platform/setting-defaults";
import { stateFor, tooFastMessage, windowStart } from "@/lib/platform/rate-limit-rules";
import { canParticipate, type Actor } from "@/lib/policy";
import type { ClaimVoteValue } from "@/lib/vocabulary";

/** Every vote a person casts (claims and responses alike) counts against one limit per minute. */
export const VOTE_WINDOW_MS = 60_000;
export const voteLimitKey = (userId: string) => `vote:user:${userId}`;

export interface ClaimVote {
  claimId: string;
  /** null takes the person's vote back. */
  value: ClaimVoteValue | null;
}

/** `hits`: the limit's count after this hit (0 without a limit); `found`: readers see the claim. */
interface ClaimVoteOutcome {
  hits: number;
  limit: number;
  found: boolean;
}

function claimVoteStatement(vote: ClaimVote, userId: string, rateLimit: { key: string; windowStart: Date } | null): SqlStatement {
  const values: unknown[] = [vote.claimId, userId, LIVE_CHANNEL, SETTING_DEFAULTS.votesPerMinute];
  const parameter = (value: unknown) => `$${values.push(value)}`;
  const hit = rateLimit
    ? `INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${parameter(rateLimit.key)}, ${parameter(rateLimit.windowStart)}, 1)
         ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1 RETURNING "count"`
    : `SELECT 0 AS "count"`;
  const change =
    vote.value === null
      ? `DELETE FROM "ClaimVote" WHERE "claimId" = (SELECT id FROM target) AND "userId" = $2 RETURNING "claimId"`
      : `INSERT INTO "ClaimVote" ("claimId", "userId", value) SELECT id, $2, ${parameter(vote.value)}::"ClaimVoteValue" FROM target
           ON CONFLICT ("claimId", "userId") DO UPDATE SET value = excluded.value RETURNING "claimId"`;
  const text = `
    WITH hit AS (${hit}),
    rule AS (SELECT COALESCE((SELECT value FROM "Setting" WHERE key = 'votesPerMinute'), $4::int) AS "limit"),
    claim AS (
      SELECT claim.id, claim."articleId" FROM "Claim" claim JOIN "Article" article ON article.id = claim."articleId"
      -- The claims readers see (lib/debate/visibility.ts claimVisibleSql with no viewer): a hidden one is missing.
      WHERE claim.id = $1 AND article.status = 'published' AND claim."hiddenAt" IS NULL
    ),
    target AS (SELECT id, "articleId" FROM claim WHERE ${rateLimit ? `(SELECT "count" FROM hit) <= (SELECT "limit" FROM rule)` : "true"}),
    changed AS (${change}),
    announced AS (
      SELECT pg_notify($3, json_build_object('type', 'vote', 'claimId', id, 'articleId', "articleId")::text) FROM target
    )
    SELECT (SELECT "count" FROM hit)::int AS hits, (SELECT "limit" FROM rule)::int AS "limit", EXISTS (SELECT 1 FROM claim) AS found,
      (SELECT count(*) FROM changed)::int AS changed, (SELECT count(*) FROM announced)::int AS announced`;
  // Named per shape, so each connection of the edge's pool prepares it once.
  return { name: `arguably-claim-vote-${vote.value === null ? "clear" : "set"}${rateLimit ? "" : "-unlimited"}`, text, values };
}

/**
 * Stores, changes or clears `voter`'s vote on a claim, under their vote limit. Throws an AppError:
 * forbidden (the account may not take part), rate_limited (with Retry-After), not_found (no claim
 * readers see).
 */
export async function voteOnClaim(voter: Actor, vote: ClaimVote, sql: SqlRunner, now = Date.now()): Promise<void> {
  if (!canParticipate(voter)) throw new AppError("forbidden", "Your account cannot do that right now.");
  const windowMs = VOTE_WINDOW_MS;
  const [outcome] = await sql<ClaimVoteOutcome>(
    claimVoteStatement(vote, voter.id, { key: voteLimitKey(voter.id), windowStart: windowStart({ windowMs }, now) }),
  );
  // The limit is the admins' setting as the statement read it.
  const limit = stateFor(outcome.hits, { limit: outcome.limit, windowMs }, now);
  if (limit.limited) throw new AppError("rate_limited", tooFastMessage("voting", limit.retryAfterSeconds), { retryAfterSeconds: limit.retryAfterSeconds });
  if (!outcome.found) throw new AppError("not_found", "That claim does not exist.");
}

/**
 * The same write with no limit and no policy: for seeding demo and benchmark data and for tests that
 * set up a debate. People's votes go through voteOnClaim.
 */
export async function storeClaimVote(userId: string, vote: ClaimVote, sql: SqlRunner): Promise<void> {
  const [outcome] = await sql<ClaimVoteOutcome>(claimVoteStatement(vote, userId, null));
  if (!outcome.found) throw new AppError("not_found", "That claim does not exist.");
}
