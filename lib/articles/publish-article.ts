// An editor publishes a reviewed draft: readers see it and its claims from then on.
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canEditArticles, type Actor } from "@/lib/policy";

/** Publishes the draft; answers with its slug (for the link to the published page). */
export async function publishArticle(editor: Actor, { articleId }: { articleId: string }) {
  if (!canEditArticles(editor)) throw new AppError("forbidden", "Only editors can review articles.");
  const result = await getDb().article.updateMany({ where: { id: articleId, status: "draft" }, data: { status: "published" } });
  if (result.count === 0) throw new AppError("invalid_request", "This article is already published or no longer exists.");
  return getDb().article.findUniqueOrThrow({ where: { id: articleId }, select: { slug: true } });
}
