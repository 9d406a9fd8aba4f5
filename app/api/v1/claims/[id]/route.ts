import { apiRoute, preflight } from "@/lib/api/handler";
import { getClaim } from "@/lib/api/operations";
import { orNotFound } from "@/lib/api/problem";
import { getVisibleClaim } from "@/lib/data/api-resources";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getClaim, async ({ params }) => ({ body: orNotFound(await getVisibleClaim(params.id), "That claim does not exist.") }));
export const OPTIONS = preflight;
