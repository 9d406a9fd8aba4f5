// An editor publishes a reviewed draft: readers see it and its claims from then on. The detector's
// proposals the editor kept are labels it learns from (lib/ingest/claim-labels.ts), stored in the same
// transaction.
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordClaimLabels } from "@/lib/ingest/claim-labels";
import { canEditArticles, type Actor } from "@/lib/policy";
import { lockArticle } from "./article-row-lock";
import { enqueueJob } from "@/lib/jobs/enqueue";

/** Publishes the draft; answers with its slug (for the link to the published page). */
export async function publishArticle(editor: Actor, { articleId }: { articleId: string }) {
  if (!canEditArticles(editor)) throw new AppError("forbidden", "Only editors can review articles.");
  return getDb().$transaction(async (tx) => {
    // The lock orders this after any review change still being applied to the draft.
    await lockArticle(tx, articleId);
    const result = await tx.article.updateMany({ where: { id: articleId, status: "draft" }, data: { status: "published" } });
    if (result.count === 0) throw new AppError("invalid_request", "This article is already published or no longer exists.");
    // A reader's submission becomes theirs to see published (lib/submissions), and they are told by mail.
    const submitted = await tx.submission.findMany({ where: { articleId, state: "waiting" }, select: { id: true } });
    await tx.submission.updateMany({ where: { articleId, state: "waiting" }, data: { state: "published" } });
    for (const { id } of submitted) await enqueueJob(tx, "send_mail", { kind: "submission_decided", submissionId: id });
    const kept = await tx.claim.findMany({ where: { articleId, origin: "pipeline" }, select: { exact: true, score: true } });
    await recordClaimLabels(
      tx,
      kept.map((claim) => ({ articleId, sentence: claim.exact, decision: "kept" as const, score: claim.score })),
    );
    return tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { slug: true } });
  });
}
