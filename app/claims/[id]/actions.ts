"use server";

// The claim page's server actions: each one validates with its command's schema (lib/debate/schemas.ts),
// checks the policy through authorizedAction, and calls the one command (lib/debate/*) that the public
// API calls too. Claim votes (Agree/Disagree) and new responses are not server actions: POST
// /api/claims/:id/vote and POST /api/claims/:id/responses are answered by the HTTP edge
// (server/claim-vote-endpoint.ts, server/post-response-endpoint.ts) with the same commands.
import { z } from "@/lib/zod";
import { postingBlockedReason } from "@/lib/auth/sanction-message";
import { authorizedAction } from "@/lib/auth/actions";
import { curateClaim, curateClaimSchema } from "@/lib/debate/curate-claim";
import { deleteResponse } from "@/lib/debate/delete-response";
import { editResponse } from "@/lib/debate/edit-response";
import { setFollow } from "@/lib/debate/follow";
import { editResponseSchema, idSchema, responseVoteSchema, sourceRequestSchema } from "@/lib/debate/schemas";
import { askForSource } from "@/lib/debate/ask-for-source";
import { voteOnResponse } from "@/lib/debate/vote-on-response";
import { withdrawClaim } from "@/lib/debate/withdraw-claim";
import { listSiteRules } from "@/lib/moderation/rules";
import { reportItem } from "@/lib/moderation/report-item";
import { reportSchema } from "@/lib/moderation/schemas";
import { canCurateClaims, canParticipate, canPost } from "@/lib/policy";

const participant = { can: canParticipate, forbidden: "Your account cannot do that right now." };
const poster = {
  can: canPost,
  forbidden: (user: { silencedUntil: Date | null; silenceReason: string | null }) => postingBlockedReason(user) ?? "Your account cannot post right now.",
};
/** The claim page passes its claim along with every action. */
const onClaim = z.object({ claimId: idSchema });

export const editResponseAction = authorizedAction({ ...poster, schema: onClaim.extend(editResponseSchema.shape) }, async (input, user) => {
  const { editedAt, held } = await editResponse({
    responseId: input.responseId,
    actor: user,
    body: input.body,
    sources: input.sources,
    seenEditedAt: input.seenEditedAt,
  });
  return { editedAt: editedAt.toISOString(), held };
});

export const deleteResponseAction = authorizedAction({ ...participant, schema: onClaim.extend({ responseId: idSchema }) }, async (input, user) => {
  await deleteResponse({ responseId: input.responseId, actor: user });
});

export const voteOnResponseAction = authorizedAction({ ...participant, schema: onClaim.extend(responseVoteSchema.shape) }, async (input, user) => {
  await voteOnResponse(user, { responseId: input.responseId, value: input.value });
});

/** "Needs a source": a kind of vote (lib/debate/ask-for-source.ts). */
export const askForSourceAction = authorizedAction({ ...participant, schema: onClaim.extend(sourceRequestSchema.shape) }, async (input, user) =>
  askForSource(user, { responseId: input.responseId, needsSource: input.needsSource }),
);

/** "Your crux here": read for the person from their own votes, never cached. */
export const followClaimAction = authorizedAction({ ...participant, schema: onClaim.extend({ follow: z.boolean() }) }, async (input, user) => {
  await setFollow({ userId: user.id, claimId: input.claimId, follow: input.follow });
});

export const followResponseAction = authorizedAction(
  { ...participant, schema: onClaim.extend({ responseId: idSchema, follow: z.boolean() }) },
  async (input, user) => {
    await setFollow({ userId: user.id, responseId: input.responseId, follow: input.follow });
  },
);

export const reportAction = authorizedAction({ ...participant, schema: onClaim.extend(reportSchema.shape) }, async (input, user) => {
  await reportItem(user, input);
});

/** The site's rules, for the report form to offer (the same list moderators cite). */
export const reportRulesAction = authorizedAction({ ...participant, schema: z.object({}) }, async () => listSiteRules());

export const curateClaimAction = authorizedAction(
  { can: canCurateClaims, forbidden: "Only editors can change the claims of a published article.", schema: curateClaimSchema },
  async (input, user) => {
    await curateClaim(user, input);
  },
);

/** The raiser takes their claim back while nobody else has taken part (lib/debate/withdraw-claim.ts checks who and when). */
export const withdrawClaimAction = authorizedAction({ ...participant, schema: onClaim }, async (input, user) => withdrawClaim(user, input));
