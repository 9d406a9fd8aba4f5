// An editor declines a reader's submitted draft, saying why: the reader sees the reason beside their
// submission, and the draft (never seen by readers) goes. One transaction under the article's lock, so
// a decline and a publish of the same draft cannot both happen.
import { lockArticle } from "@/lib/articles/article-row-lock";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { canEditArticles, type Actor } from "@/lib/policy";
import type { z } from "zod";
import type { declineSubmissionSchema } from "./schemas";

export async function declineSubmission(editor: Actor, { articleId, reason }: z.infer<typeof declineSubmissionSchema>) {
  if (!canEditArticles(editor)) throw new AppError("forbidden", "Only editors can review articles.");
  return getDb().$transaction(async (tx) => {
    await lockArticle(tx, articleId);
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { status: true } });
    if (!article || article.status !== "draft") throw new AppError("conflict", "This article is already published or no longer exists.");
    const waiting = await tx.submission.findMany({ where: { articleId, state: "waiting" }, select: { id: true } });
    const declined = await tx.submission.updateMany({ where: { articleId, state: "waiting" }, data: { state: "declined", reason, articleId: null } });
    for (const { id } of waiting) await enqueueJob(tx, "send_mail", { kind: "submission_decided", submissionId: id });
    if (declined.count === 0) throw new AppError("invalid_request", "Only a reader's submission can be declined; delete an editor's own import from the desk.");
    await tx.article.delete({ where: { id: articleId } });
  });
}
