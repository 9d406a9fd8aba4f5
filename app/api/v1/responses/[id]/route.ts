import { apiRoute, preflight } from "@/lib/api/handler";
import { getResponse } from "@/lib/api/operations";
import { ApiProblem } from "@/lib/api/problem";
import { getResponseItem } from "@/lib/data/api-resources";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getResponse, async ({ params }) => {
  const response = await getResponseItem(params.id);
  if (!response) throw new ApiProblem(404, "not_found", "That response does not exist.");
  return { body: response };
});
export const OPTIONS = preflight;
