import { apiRoute, preflight } from "@/lib/api/handler";
import { voteOnResponse as voteOperation } from "@/lib/api/operations";
import { orNotFound } from "@/lib/api/problem";
import { getResponseItem } from "@/lib/api/resources";
import { voteOnResponse } from "@/lib/debate/vote-on-response";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(voteOperation, async ({ params, body, caller }) => {
  const user = caller!.user;
  // Refuses what the caller may not see (404) and what takes no votes (409), as on the site.
  await voteOnResponse(user, { responseId: params.id, value: body.value });
  const after = orNotFound(await getResponseItem(params.id, user), "That response does not exist.");
  return { body: { responseId: params.id, value: body.value, votes: after.votes, strength: after.strength } };
});

export const OPTIONS = preflight;
