import { apiRoute, preflight } from "@/lib/api/handler";
import { getClaim } from "@/lib/api/operations";
import { orNotFound } from "@/lib/api/problem";
import { getVisibleClaim } from "@/lib/api/resources";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getClaim, async ({ params, caller }) => ({
  body: orNotFound(await getVisibleClaim(params.id, caller?.user ?? null), "That claim does not exist."),
}));
export const OPTIONS = preflight;
