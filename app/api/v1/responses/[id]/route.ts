import { apiRoute, preflight } from "@/lib/api/handler";
import { getResponse } from "@/lib/api/operations";
import { orNotFound } from "@/lib/api/problem";
import { getResponseItem } from "@/lib/api/resources";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getResponse, async ({ params, caller }) => ({
  body: orNotFound(await getResponseItem(params.id, caller?.user ?? null), "That response does not exist."),
}));
export const OPTIONS = preflight;
