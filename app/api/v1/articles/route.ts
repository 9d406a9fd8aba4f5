import { apiRoute, preflight } from "@/lib/api/handler";
import { listArticles } from "@/lib/api/operations";
import { listPublishedArticles } from "@/lib/api/resources";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listArticles, async ({ query }) => ({ body: await listPublishedArticles(query) }));
export const OPTIONS = preflight;
