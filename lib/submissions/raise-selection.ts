// "Argue this page" with words selected (issue 32): once the submitted article is published, those
// words become its first reader-raised claim, raised as the submitter, under the same rules as any
// reader's selection (lib/debate/raise-claim.ts). Best effort: words that are no longer in the article,
// or a raise the rules refuse, leave the article as it is and the words on the submission.
import { getSessionUserById } from "@/lib/accounts/users";
import { getDb } from "@/lib/db/client";
import { raiseClaimAs } from "@/lib/debate/raise-claim";
import { findWords } from "@/lib/ingest/find-words";

/** Raises the selections of an article's published submissions; answers the claims raised or opened. */
export async function raiseSubmittedSelections(articleId: string): Promise<string[]> {
  const db = getDb();
  const [article, submissions] = await Promise.all([
    db.article.findUnique({ where: { id: articleId }, select: { body: true, status: true } }),
    db.submission.findMany({ where: { articleId, state: "published", selection: { not: null } }, select: { id: true, submitterId: true, selection: true } }),
  ]);
  if (!article || article.status !== "published") return [];
  const raised: string[] = [];
  for (const submission of submissions) {
    const span = findWords(article.body, submission.selection!);
    const user = span && (await getSessionUserById(submission.submitterId));
    if (!span || !user) continue;
    try {
      const outcome = await raiseClaimAs(user, { articleId, start: span.start, end: span.end, quote: article.body.slice(span.start, span.end) });
      if (outcome.kind !== "suggestion") raised.push(outcome.claimId);
    } catch (error) {
      console.warn(`arguably: the words of submission ${submission.id} were not raised: ${(error as Error).message}`);
    }
  }
  return raised;
}
