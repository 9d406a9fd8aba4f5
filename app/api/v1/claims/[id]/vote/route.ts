import { apiRoute, preflight } from "@/lib/api/handler";
import { voteOnClaim as voteOperation } from "@/lib/api/operations";
import { orNotFound } from "@/lib/api/problem";
import { getClaimVoteCounts } from "@/lib/api/resources";
import { appSql } from "@/lib/db/client";
import { voteOnClaim } from "@/lib/debate/vote-on-claim";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(voteOperation, async ({ params, body, caller }) => {
  await voteOnClaim(caller!.user, { claimId: params.id, value: body.value }, appSql);
  const counts = orNotFound(await getClaimVoteCounts(params.id), "That claim does not exist.");
  return { body: { claimId: params.id, value: body.value, votes: { agree: counts.agreeVotes, disagree: counts.disagreeVotes }, standing: counts.standing } };
});

export const OPTIONS = preflight;
