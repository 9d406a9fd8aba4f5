import { apiRoute, preflight } from "@/lib/api/handler";
import { raiseClaim } from "@/lib/api/operations";
import { orNotFound } from "@/lib/api/problem";
import { AppError } from "@/lib/errors";
import { postingBlockedReason } from "@/lib/auth/sanction-message";
import { getVisibleClaim } from "@/lib/api/resources";
import { publishedArticleId } from "@/lib/articles/queries";
import { raiseClaimAs } from "@/lib/debate/raise-claim";
import { canRaiseClaim } from "@/lib/policy";

export const dynamic = "force-dynamic";

export const POST = apiRoute(raiseClaim, async ({ params, body, caller }) => {
  const user = caller!.user;
  if (!canRaiseClaim(user)) throw new AppError("forbidden", postingBlockedReason(user) ?? "Your account cannot raise claims right now.");
  const articleId = orNotFound(await publishedArticleId(params.slug), "There is no published article at that address.");
  const outcome = await raiseClaimAs(user, { articleId, ...body });
  if (outcome.kind === "suggestion") {
    const instead = outcome.suggestion
      ? ` You could raise characters ${outcome.suggestion.start}–${outcome.suggestion.end}: “${outcome.suggestion.text}”.`
      : "";
    const existing = outcome.claimId ? ` It touches claim ${outcome.claimId}.` : "";
    throw new AppError("conflict", `${outcome.message}${instead}${existing}`);
  }
  const claim = orNotFound(await getVisibleClaim(outcome.claimId, user), "That claim does not exist.");
  if (outcome.kind === "existing") return { status: 200, body: claim };
  return { status: 201, body: claim, headers: { Location: `/api/v1/claims/${encodeURIComponent(claim.id)}` } };
});
export const OPTIONS = preflight;
