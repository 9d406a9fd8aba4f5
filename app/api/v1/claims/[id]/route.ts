import { apiRoute, preflight } from "@/lib/api/handler";
import { getClaim } from "@/lib/api/operations";
import { ApiProblem } from "@/lib/api/problem";
import { getVisibleClaim } from "@/lib/data/api-resources";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getClaim, async ({ params }) => {
  const claim = await getVisibleClaim(params.id);
  if (!claim) throw new ApiProblem(404, "not_found", "That claim does not exist.");
  return { body: claim };
});
export const OPTIONS = preflight;
