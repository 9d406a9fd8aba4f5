// The background half of a reader's submission (job import_submission): fetch the page (or take the
// pasted text), extract it, find its claims and store it as a draft for editors, or publish it when
// the admins' setting lets this reader's submissions skip review. What it is doing is written to the
// submission as it goes, for the reader's page. One article per original: a page already here makes
// the submission "duplicate", pointing at that article.
import { importArticle } from "@/lib/articles/import-article";
import { getDb } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { AppError } from "@/lib/errors";
import { canonicalUrl } from "@/lib/net/canonical-url";
import { fetchPage } from "@/lib/net/fetch-page";
import type { SubmissionState } from "@/lib/generated/prisma/enums";
import { publishesWithoutReview } from "./trust";
import { raiseSubmittedSelections } from "./raise-selection";

/** Progress is written at most this often: a long article has thousands of sentences. */
const PROGRESS_EVERY_MS = 500;

async function record(id: string, data: { state?: SubmissionState; progress?: string | null; reason?: string | null; articleId?: string | null }) {
  await getDb().submission.update({ where: { id }, data });
}

export async function importSubmission(submissionId: string) {
  const submission = await getDb().submission.findUnique({ where: { id: submissionId } });
  // Done already (a job retried after its work was stored), or gone with its account.
  if (!submission || (submission.state !== "queued" && submission.state !== "importing")) return;
  try {
    await record(submission.id, { state: "importing", progress: submission.pastedText ? "Reading the pasted text" : "Fetching the page" });
    let raw: string;
    let sourceUrl: string | null;
    if (submission.pastedText) {
      raw = submission.pastedText;
      sourceUrl = canonicalUrl(submission.url);
    } else {
      const page = await fetchPage(submission.url);
      raw = page.text;
      sourceUrl = page.url;
    }
    const publish = await publishesWithoutReview(getDb(), submission.submitterId);
    let written = 0;
    const { article, created } = await importArticle({
      raw,
      sourceUrl,
      importedById: submission.submitterId,
      status: publish ? "published" : "draft",
      onProgress: async ({ stage, done, total }) => {
        // Saving takes a moment; the reader's page keeps its last words until the state changes.
        if (stage === "saving" || Date.now() - written < PROGRESS_EVERY_MS) return;
        written = Date.now();
        await record(submission.id, { progress: stage === "detecting" ? `Finding claims: ${done} of ${total} sentences` : "Reading the article" });
      },
    });
    const state: SubmissionState = !created ? "duplicate" : publish ? "published" : "waiting";
    await record(submission.id, { state, progress: null, articleId: article.id });
    if (state === "published") {
      await enqueueJob(getDb(), "send_mail", { kind: "submission_decided", submissionId: submission.id });
      await raiseSubmittedSelections(article.id);
    }
  } catch (error) {
    // Messages written for people (an address that cannot be fetched, not an article) are kept as they
    // are; anything else is logged by the worker and told in general words.
    const reason = error instanceof AppError ? error.message : "Arguably could not import this page. Try again later, or paste its text.";
    await record(submission.id, { state: "failed", progress: null, reason });
    if (!(error instanceof AppError)) throw error;
  }
}
