// POST /api/claims/:id/vote — Agree/Disagree from the claim page, answered by the edge before Next.js
// (decision 013). Agree/Disagree is the most frequent write there is, and through a Next.js server
// action its cost was the framework's, not the vote's. This endpoint does what a server action does,
// from the same modules, on plain node:http and pg: same-site Origin (lib/auth/same-origin), the
// session cookie and its server-side session (lib/auth/session-token, like lib/auth/session.ts), input
// (the command's zod schema), then the one claim-vote command (lib/debate/vote-on-claim.ts), which
// checks who may vote (lib/policy) and the vote limit. Two round trips in all. Failures are the app's
// AppError, answered as problem details by the caller (./app-server.ts).
import type pg from "pg";
import { originMatchesHost } from "@/lib/auth/same-origin";
import { poolRunner, type SqlRunner } from "@/lib/db/sql-runner";
import { claimVoteSchema } from "@/lib/debate/schemas";
import { voteOnClaim } from "@/lib/debate/vote-on-claim";
import { AppError } from "@/lib/errors";
import { isBanned, type Actor } from "@/lib/policy";
import { firstHeader, sessionClaimsOf } from "./session";

export const CLAIM_VOTE_PATH = /^\/api\/claims\/([^/?#]{1,64})\/vote$/;

export interface EndpointRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface ClaimVoteEndpointContext {
  sql: SqlRunner;
  secret: string;
  secureCookies: boolean;
}

/** The signed-in voter, as lib/auth/session.ts reads them: token, then its live server-side session. */
async function voterOf(request: EndpointRequest, context: ClaimVoteEndpointContext): Promise<Actor | null> {
  const claims = await sessionClaimsOf(request.headers, { secret: context.secret, secureCookies: context.secureCookies });
  if (!claims) return null;
  const [voter] = await context.sql<Actor>({
    name: "arguably-voter-of-session",
    text: `SELECT u.id, u.role, u."bannedUntil", u."silencedUntil"
      FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
      WHERE s.id = $1 AND s."userId" = $2 AND s."endedAt" IS NULL AND s."expiresAt" > now()`,
    values: [claims.sessionId, claims.userId],
  });
  return voter && !isBanned(voter) ? voter : null;
}

/** Route handlers insist on an Origin of this site (lib/auth/same-origin.ts); so do the edge's writes. */
export function refuseForeignWrite(request: EndpointRequest) {
  if (!originMatchesHost(firstHeader(request.headers, "origin"), firstHeader(request.headers, "x-forwarded-host") ?? firstHeader(request.headers, "host"))) {
    throw new AppError("forbidden", "Requests that change data must come from Arguably's own pages.");
  }
}

/** Votes as the request's signed-in person; throws the AppError to answer with when it cannot. */
export async function handleClaimVote(request: EndpointRequest, context: ClaimVoteEndpointContext, now = Date.now()): Promise<void> {
  const claimId = CLAIM_VOTE_PATH.exec(request.path)?.[1];
  if (!claimId) throw new AppError("not_found", "There is nothing here.");
  if (request.method !== "POST") throw new AppError("method_not_allowed", "Vote with POST.", { headers: { Allow: "POST" } });
  refuseForeignWrite(request);
  const voter = await voterOf(request, context);
  if (!voter) throw new AppError("unauthorized", "Sign in to do that.");
  let input;
  try {
    input = claimVoteSchema.parse(JSON.parse(request.body));
  } catch {
    throw new AppError("invalid_request", 'Send {"value": "agree"}, {"value": "disagree"} or {"value": null}.');
  }
  await voteOnClaim(voter, { claimId: decodeURIComponent(claimId), value: input.value }, context.sql, now);
}

/** The endpoint as the edge uses it, on its own pool on the primary. */
export function createClaimVoteEndpoint(pool: pg.Pool, { authSecret, appUrl }: { authSecret: string; appUrl: string }) {
  const context: ClaimVoteEndpointContext = { sql: poolRunner(pool), secret: authSecret, secureCookies: appUrl.startsWith("https://") };
  return {
    matches: (path: string) => CLAIM_VOTE_PATH.test(path),
    handle: (request: EndpointRequest) => handleClaimVote(request, context),
  };
}
