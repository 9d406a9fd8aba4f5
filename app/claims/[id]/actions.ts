"use server";

import { z } from "zod";
import { authorizedAction } from "@/lib/auth/actions";
import { createResponse, findSubmittedResponse, deleteResponse, editResponse, setFollow, voteOnResponse } from "@/lib/data/debate";
import { reportItem } from "@/lib/data/moderation";
import { getSettings } from "@/lib/data/settings";
import { hitRateLimit } from "@/lib/data/rate-limit";
import { tooFastMessage } from "@/lib/rate-limit-rules";
import { UserFacingError } from "@/lib/errors";
import { RESPONSE_MAX, RESPONSE_MIN } from "@/lib/argument/response-rules";
import { postingBlockedReason } from "@/lib/auth/sanction-message";
import { canParticipate, canPost } from "@/lib/policy";

const participant = { can: canParticipate, forbidden: "Your account cannot do that right now." };
const poster = {
  can: canPost,
  forbidden: (user: { silencedUntil: Date | null; silenceReason: string | null }) => postingBlockedReason(user) ?? "Your account cannot post right now.",
};
const id = z.string().min(1).max(64);
const body = z
  .string({ error: "Write your response first." })
  .trim()
  .min(RESPONSE_MIN, `A response needs at least ${RESPONSE_MIN} characters.`)
  .max(RESPONSE_MAX, `A response can be at most ${RESPONSE_MAX.toLocaleString("en")} characters.`);

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

async function limit(key: string, rule: { limit: number; windowMs: number }, what: string) {
  const state = await hitRateLimit(key, rule);
  if (state.limited) throw new UserFacingError(tooFastMessage(what, state.retryAfterSeconds), 429);
}

export const postResponseAction = authorizedAction(
  {
    ...poster,
    schema: z.object({
      claimId: id,
      parentId: id.nullable(),
      stance: z.enum(["support", "oppose"]),
      body,
      submissionKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "That submission could not be matched; reload and try again.").optional(),
    }),
  },
  async (input, user) => {
    // A repeated submit of a response that was already stored: answer as the first time did.
    if (input.submissionKey) {
      const existing = await findSubmittedResponse(user.id, input.submissionKey);
      if (existing) return existing;
    }
    const settings = await getSettings();
    if (Date.now() - user.createdAt.getTime() < DAY) {
      // New accounts post slowly until they are a day old: the cheapest brake on throwaway spam.
      await limit(`response-new:30s:${user.id}`, { limit: settings.newAccountResponsesPer30s, windowMs: 30 * 1000 }, "posting");
      await limit(`response-new:day:${user.id}`, { limit: settings.newAccountResponsesPerDay, windowMs: DAY }, "posting");
    }
    await limit(`response:user:${user.id}`, { limit: settings.responsesPer10Minutes, windowMs: 10 * MINUTE }, "posting");
    const response = await createResponse({ ...input, authorId: user.id });
    return response;
  },
);

export const editResponseAction = authorizedAction(
  { ...poster, schema: z.object({ claimId: id, responseId: id, body, seenEditedAt: z.string().max(40).nullable() }) },
  async (input, user) => {
    await editResponse({ responseId: input.responseId, actor: user, body: input.body, seenEditedAt: input.seenEditedAt });
  },
);

export const deleteResponseAction = authorizedAction({ ...participant, schema: z.object({ claimId: id, responseId: id }) }, async (input, user) => {
  await deleteResponse({ responseId: input.responseId, actor: user });
});

// Claim votes (Agree/Disagree) are not a server action: POST /api/claims/:id/vote (lib/fast-writes).

export const voteOnResponseAction = authorizedAction(
  { ...participant, schema: z.object({ claimId: id, responseId: id, value: z.enum(["strong", "weak"]).nullable() }) },
  async (input, user) => {
    await limit(`vote:user:${user.id}`, { limit: (await getSettings()).votesPerMinute, windowMs: MINUTE }, "voting");
    await voteOnResponse({ responseId: input.responseId, actor: user, value: input.value });
  },
);

export const followClaimAction = authorizedAction({ ...participant, schema: z.object({ claimId: id, follow: z.boolean() }) }, async (input, user) => {
  await setFollow({ userId: user.id, claimId: input.claimId, follow: input.follow });
});

export const followResponseAction = authorizedAction({ ...participant, schema: z.object({ claimId: id, responseId: id, follow: z.boolean() }) }, async (input, user) => {
  await setFollow({ userId: user.id, responseId: input.responseId, follow: input.follow });
});

export const reportAction = authorizedAction(
  {
    ...participant,
    schema: z.object({
      claimId: id,
      target: z.object({ type: z.enum(["claim", "response"]), id }),
      reason: z.enum(["spam", "abuse", "off_topic", "unclear", "duplicate", "misinformation", "other"], { error: "Choose a reason from the list." }),
      note: z.string().trim().max(1000, "Keep the note under 1,000 characters.").nullable(),
      duplicateOfId: id.nullable(),
    }),
  },
  async (input, user) => {
    await limit(`report:user:${user.id}`, { limit: (await getSettings()).reportsPerDay, windowMs: DAY }, "reporting");
    await reportItem({ reporter: user, target: input.target, reason: input.reason, note: input.note, duplicateOfId: input.duplicateOfId });
  },
);
