"use server";

import { z } from "zod";
import { authorizedAction } from "@/lib/auth/actions";
import { deleteResponse, editResponse, setFollow } from "@/lib/debate/debate";
import { enforceRateLimit, postResponseAs, responseBodySchema, submissionKeySchema, voteOnResponseAs } from "@/lib/debate/participation";
import { reportItem } from "@/lib/moderation/moderation";
import { getSettings } from "@/lib/platform/settings";
import { postingBlockedReason } from "@/lib/auth/sanction-message";
import { curateClaim, curateClaimSchema } from "@/lib/debate/curate-claim";
import { canCurateClaims, canParticipate, canPost } from "@/lib/policy";

const participant = { can: canParticipate, forbidden: "Your account cannot do that right now." };
const poster = {
  can: canPost,
  forbidden: (user: { silencedUntil: Date | null; silenceReason: string | null }) => postingBlockedReason(user) ?? "Your account cannot post right now.",
};
const id = z.string().min(1).max(64);
const body = responseBodySchema;

const DAY = 24 * 60 * 60 * 1000;

export const postResponseAction = authorizedAction(
  {
    ...poster,
    schema: z.object({
      claimId: id,
      parentId: id.nullable(),
      stance: z.enum(["support", "oppose"]),
      body,
      submissionKey: submissionKeySchema.optional(),
    }),
  },
  async (input, user) => {
    const { id, hiddenAt } = await postResponseAs(user, input);
    return { id, hiddenAt };
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
    await voteOnResponseAs(user, { responseId: input.responseId, value: input.value });
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
    await enforceRateLimit(`report:user:${user.id}`, { limit: (await getSettings()).reportsPerDay, windowMs: DAY }, "reporting");
    await reportItem({ reporter: user, target: input.target, reason: input.reason, note: input.note, duplicateOfId: input.duplicateOfId });
  },
);

export const curateClaimAction = authorizedAction(
  { can: canCurateClaims, forbidden: "Only editors can change the claims of a published article.", schema: curateClaimSchema },
  async (input, user) => {
    await curateClaim(user, input);
  },
);
