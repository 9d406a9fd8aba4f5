// Taking part in a debate — posting a response, voting on a claim or a response — with the limits that
// apply however it is done: from the claim page's server actions or through the public API (app/api/v1).
// Who may do it is checked by the caller (lib/policy) before it gets here.
import { z } from "zod";
import { RESPONSE_MAX, RESPONSE_MIN } from "@/lib/argument/response-rules";
import { UserFacingError } from "@/lib/errors";
import { tooFastMessage, type RateLimitRule } from "@/lib/platform/rate-limit-rules";
import { getDb } from "@/lib/db/client";
import { limitedClaimVote, voteLimitKey, VOTE_WINDOW_MS, type ClaimVoteOutcome } from "./claim-vote-sql";
import { createResponse, DebateError, findSubmittedResponse, voteOnResponse } from "./debate";
import type { SessionUser } from "@/lib/accounts/users";
import { hitRateLimit } from "@/lib/platform/rate-limit";
import { getSettings } from "@/lib/platform/settings";

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

export const responseBodySchema = z
  .string({ error: "Write your response first." })
  .trim()
  .min(RESPONSE_MIN, `A response needs at least ${RESPONSE_MIN} characters.`)
  .max(RESPONSE_MAX, `A response can be at most ${RESPONSE_MAX.toLocaleString("en")} characters.`);

/** Chosen by the client for one submission, so a retry finds the response instead of posting twice. */
export const submissionKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "That submission could not be matched; reload and try again.");

export class RateLimitedError extends UserFacingError {
  override name = "RateLimitedError";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, 429);
  }
}

/** Counts one event under `key`; past the rule's limit it throws a RateLimitedError (429). */
export async function enforceRateLimit(key: string, rule: RateLimitRule, what: string) {
  const state = await hitRateLimit(key, rule);
  if (state.limited) throw new RateLimitedError(tooFastMessage(what, state.retryAfterSeconds), state.retryAfterSeconds);
}

export interface PostedResponseInput {
  claimId: string;
  parentId: string | null;
  stance: "support" | "oppose";
  body: string;
  submissionKey?: string;
}

/** Posts a response under the posting limits; a repeated submission answers with the response it made. */
export async function postResponseAs(user: SessionUser, input: PostedResponseInput) {
  if (input.submissionKey) {
    const existing = await findSubmittedResponse(user.id, input.submissionKey);
    if (existing) return { ...existing, repeated: true };
  }
  const settings = await getSettings();
  if (Date.now() - user.createdAt.getTime() < DAY) {
    // New accounts post slowly until they are a day old: the cheapest brake on throwaway spam.
    await enforceRateLimit(`response-new:30s:${user.id}`, { limit: settings.newAccountResponsesPer30s, windowMs: 30 * 1000 }, "posting");
    await enforceRateLimit(`response-new:day:${user.id}`, { limit: settings.newAccountResponsesPerDay, windowMs: DAY }, "posting");
  }
  await enforceRateLimit(`response:user:${user.id}`, { limit: settings.responsesPer10Minutes, windowMs: 10 * MINUTE }, "posting");
  return { ...(await createResponse({ ...input, authorId: user.id })), repeated: false };
}

/** Strong/Weak on a response (or null to take the vote back), under the vote limit. */
export async function voteOnResponseAs(user: SessionUser, input: { responseId: string; value: "strong" | "weak" | null }) {
  await enforceRateLimit(voteLimitKey(user.id), { limit: (await getSettings()).votesPerMinute, windowMs: VOTE_WINDOW_MS }, "voting");
  await voteOnResponse({ responseId: input.responseId, actor: user, value: input.value });
}

/**
 * Agree/Disagree on a claim (or null), under the vote limit: the same single statement and the same
 * counter as the claim page's fast endpoint (lib/fast-writes/claim-vote.ts).
 */
export async function voteOnClaimAs(user: SessionUser, input: { claimId: string; value: "agree" | "disagree" | null }) {
  const vote = limitedClaimVote({ claimId: input.claimId, userId: user.id, value: input.value }, (await getSettings()).votesPerMinute);
  const [outcome] = await getDb().$queryRawUnsafe<ClaimVoteOutcome[]>(vote.text, ...vote.values);
  const verdict = vote.verdict(outcome);
  if (verdict.ok) return;
  if (verdict.status === 429) throw new RateLimitedError(verdict.message, verdict.retryAfterSeconds);
  throw new DebateError(verdict.message, verdict.status);
}
