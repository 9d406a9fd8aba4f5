import { apiRoute, preflight } from "@/lib/api/handler";
import { getArticle } from "@/lib/api/operations";
import { orNotFound } from "@/lib/api/problem";
import { getPublishedArticle } from "@/lib/api/resources";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getArticle, async ({ params }) => ({
  body: orNotFound(await getPublishedArticle(params.slug), "There is no published article at that address."),
}));
export const OPTIONS = preflight;
