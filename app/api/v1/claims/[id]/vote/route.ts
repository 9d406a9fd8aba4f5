import { apiRoute, preflight } from "@/lib/api/handler";
import { voteOnClaim } from "@/lib/api/operations";
import { ApiProblem, orNotFound } from "@/lib/api/problem";
import { getClaimVoteCounts } from "@/lib/api/resources";
import { claimVisibleTo } from "@/lib/debate/visibility";
import { voteOnClaimAs } from "@/lib/debate/participation";
import { canParticipate } from "@/lib/policy";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(voteOnClaim, async ({ params, body, caller }) => {
  const user = caller!.user;
  if (!canParticipate(user)) throw new ApiProblem(403, "forbidden", "Your account cannot vote right now.");
  orNotFound(await claimVisibleTo(params.id, null), "That claim does not exist.");
  await voteOnClaimAs(user, { claimId: params.id, value: body.value });
  const counts = orNotFound(await getClaimVoteCounts(params.id), "That claim does not exist.");
  return { body: { claimId: params.id, value: body.value, votes: { agree: counts.agreeVotes, disagree: counts.disagreeVotes }, standing: counts.standing } };
});

export const OPTIONS = preflight;
