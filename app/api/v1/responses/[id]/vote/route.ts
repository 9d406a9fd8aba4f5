import { apiRoute, preflight } from "@/lib/api/handler";
import { voteOnResponse } from "@/lib/api/operations";
import { ApiProblem, orNotFound } from "@/lib/api/problem";
import { getResponseItem } from "@/lib/data/api-resources";
import { voteOnResponseAs } from "@/lib/data/participation";
import { canParticipate } from "@/lib/policy";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(voteOnResponse, async ({ params, body, caller }) => {
  const user = caller!.user;
  if (!canParticipate(user)) throw new ApiProblem(403, "forbidden", "Your account cannot vote right now.");
  const response = orNotFound(await getResponseItem(params.id), "That response does not exist.");
  if (response.status !== "visible") throw new ApiProblem(409, "conflict", `That response is ${response.status === "hidden" ? "under review" : response.status}: it takes no votes.`);
  await voteOnResponseAs(user, { responseId: params.id, value: body.value });
  const after = (await getResponseItem(params.id))!;
  return { body: { responseId: params.id, value: body.value, votes: after.votes, strength: after.strength } };
});

export const OPTIONS = preflight;
