import { apiRoute, preflight } from "@/lib/api/handler";
import { getArticle } from "@/lib/api/operations";
import { ApiProblem } from "@/lib/api/problem";
import { getPublishedArticle } from "@/lib/data/api-resources";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getArticle, async ({ params }) => {
  const article = await getPublishedArticle(params.slug);
  if (!article) throw new ApiProblem(404, "not_found", "There is no published article at that address.");
  return { body: article };
});
export const OPTIONS = preflight;
