import { apiRoute, preflight } from "@/lib/api/handler";
import { voteOnResponse } from "@/lib/api/operations";
import { ApiProblem, orNotFound } from "@/lib/api/problem";
import { getResponseItem } from "@/lib/api/resources";
import { voteOnResponseAs } from "@/lib/debate/participation";
import { canParticipate } from "@/lib/policy";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(voteOnResponse, async ({ params, body, caller }) => {
  const user = caller!.user;
  if (!canParticipate(user)) throw new ApiProblem(403, "forbidden", "Your account cannot vote right now.");
  // Refuses what the caller may not see (404) and what takes no votes (409), as on the site.
  await voteOnResponseAs(user, { responseId: params.id, value: body.value });
  const after = orNotFound(await getResponseItem(params.id, user), "That response does not exist.");
  return { body: { responseId: params.id, value: body.value, votes: after.votes, strength: after.strength } };
});

export const OPTIONS = preflight;
