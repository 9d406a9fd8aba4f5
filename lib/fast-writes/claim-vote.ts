// POST /api/claims/:id/vote — the claim vote, served by scripts/server.mjs before Next.js (decision 013).
//
// Agree/Disagree is the most frequent write there is, and through a Next.js server action its cost was
// the framework's, not the vote's (a signed-in action that only refused its input ran at ~200/s here).
// This handler does the same checks as a server action, from the same modules, on plain node:http and
// pg: same-site Origin (lib/auth/same-origin), the session cookie and its server-side session
// (lib/auth/session-token, like lib/auth/session.ts), who may vote (lib/policy), input (zod), the vote
// rate limit and the vote itself in one statement (lib/debate/claim-vote-sql, one counter with the
// other votes) — two round trips in all.
//
// Framework-free on purpose: no Next.js, no Prisma client, nothing server-only, so the plain-Node
// server can load it (through tsx) without the app's bundle.
import type pg from "pg";
import { z } from "zod";
import { originMatchesHost } from "@/lib/auth/same-origin";
import { decodeSessionToken, sessionTokenFrom } from "@/lib/auth/session-token";
import { limitedClaimVote, type ClaimVoteOutcome } from "@/lib/debate/claim-vote-sql";
import { SETTING_DEFAULTS } from "@/lib/platform/setting-defaults";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/db/errors";
import { markDatabaseUnavailable } from "@/lib/db/health";
import { appUrl, serverEnv } from "@/lib/env";
import { canParticipate, isBanned } from "@/lib/policy";

export const CLAIM_VOTE_PATH = /^\/api\/claims\/([^/?#]{1,64})\/vote$/;

export interface FastRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface FastAnswer {
  status: number;
  body: { ok: true } | { ok: false; error: string; status: number };
  headers?: Record<string, string>;
}

export interface FastWriteContext {
  pool: pg.Pool;
  secret: string;
  secureCookies: boolean;
}

// Like a server action's schema: unknown fields (a forged voter, say) are dropped, not trusted.
const VoteBody = z.object({ value: z.enum(["agree", "disagree"]).nullable() });

const refuse = (status: number, error: string, headers?: Record<string, string>): FastAnswer => ({ status, body: { ok: false, error, status }, headers });

function header(request: FastRequest, name: string) {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function cookiesOf(request: FastRequest) {
  return (header(request, "cookie") ?? "")
    .split(/;\s*/)
    .filter(Boolean)
    .map((pair) => {
      const index = pair.indexOf("=");
      return { name: index < 0 ? pair : pair.slice(0, index), value: index < 0 ? "" : pair.slice(index + 1) };
    });
}

/** The signed-in voter, as lib/auth/session.ts reads them: token, then its live server-side session. */
async function voterOf(request: FastRequest, context: FastWriteContext) {
  const token = sessionTokenFrom(cookiesOf(request), context.secureCookies);
  if (!token) return null;
  let claims;
  try {
    claims = await decodeSessionToken({ token, secret: context.secret });
  } catch {
    return null;
  }
  if (typeof claims?.sub !== "string" || typeof claims.sid !== "string") return null;
  // Named, so each connection prepares it once (PostgreSQL then skips parsing and planning).
  const { rows } = await context.pool.query<{ id: string; role: "user" | "editor" | "moderator" | "admin"; bannedUntil: Date | null; silencedUntil: Date | null; votesPerMinute: number | null }>({
    name: "arguably-voter-of-session",
    text: `SELECT u.id, u.role, u."bannedUntil", u."silencedUntil", (SELECT value FROM "Setting" WHERE key = 'votesPerMinute') AS "votesPerMinute"
      FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
      WHERE s.id = $1 AND s."userId" = $2 AND s."endedAt" IS NULL AND s."expiresAt" > now()`,
    values: [claims.sid, claims.sub],
  });
  const voter = rows[0];
  return voter && !isBanned(voter) ? voter : null;
}

export async function handleClaimVote(request: FastRequest, context: FastWriteContext, now = Date.now()): Promise<FastAnswer> {
  const claimId = CLAIM_VOTE_PATH.exec(request.path)?.[1];
  if (!claimId) return refuse(404, "There is nothing here.");
  if (request.method !== "POST") return refuse(405, "Vote with POST.", { Allow: "POST" });
  // Route handlers insist on an Origin of this site (lib/auth/same-origin.ts).
  if (!originMatchesHost(header(request, "origin"), header(request, "x-forwarded-host") ?? header(request, "host"))) {
    return refuse(403, "Requests that change data must come from Arguably's own pages.");
  }
  try {
    const voter = await voterOf(request, context);
    if (!voter) return refuse(401, "Sign in to do that.");
    if (!canParticipate(voter)) return refuse(403, "Your account cannot do that right now.");
    let input;
    try {
      input = VoteBody.parse(JSON.parse(request.body));
    } catch {
      return refuse(400, 'Send {"value": "agree"}, {"value": "disagree"} or {"value": null}.');
    }
    const vote = limitedClaimVote({ claimId: decodeURIComponent(claimId), userId: voter.id, value: input.value }, voter.votesPerMinute ?? SETTING_DEFAULTS.votesPerMinute, now);
    const { rows } = await context.pool.query<ClaimVoteOutcome>({ name: `arguably-claim-vote-${input.value === null ? "clear" : "set"}`, text: vote.text, values: vote.values });
    const verdict = vote.verdict(rows[0]);
    if (verdict.ok) return { status: 200, body: { ok: true } };
    return refuse(verdict.status, verdict.message, verdict.status === 429 ? { "Retry-After": String(verdict.retryAfterSeconds) } : undefined);
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      markDatabaseUnavailable();
      return refuse(503, DATABASE_UNAVAILABLE_MESSAGE, { "Retry-After": "5" });
    }
    console.error(error);
    return refuse(500, "Something went wrong on our side; nothing was changed. Please try again.");
  }
}

/** The endpoint as scripts/server.mjs uses it, configured from the validated environment (lib/env). */
export function createFastWrites(pool: pg.Pool) {
  const env = serverEnv();
  if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET is not set: the fast vote endpoint cannot read sessions.");
  const context: FastWriteContext = { pool, secret: env.AUTH_SECRET, secureCookies: appUrl(env).startsWith("https://") };
  return {
    matches: (path: string) => CLAIM_VOTE_PATH.test(path),
    handle: (request: FastRequest) => handleClaimVote(request, context),
  };
}
