// Where a submission stands, in words, with what the reader can do next.
import { Link } from "@/components/ui/link";
import type { MySubmission } from "@/lib/submissions/queries";

export const STATE_WORDS: Record<MySubmission["state"], string> = {
  queued: "Waiting to be imported",
  importing: "Importing",
  waiting: "Waiting for an editor's review",
  published: "Published",
  declined: "Declined",
  duplicate: "Already here",
  failed: "Could not be imported",
};

export function SubmissionState({ submission }: { submission: MySubmission }) {
  const article = submission.article;
  return (
    <p className="text-sm" data-testid="submission-state">
      <strong>{STATE_WORDS[submission.state]}</strong>
      {submission.state === "importing" && submission.progress ? ` — ${submission.progress}…` : ""}
      {submission.reason ? `: ${submission.reason}` : ""}
      {article && article.status === "published" ? (
        <>
          {" "}
          ·{" "}
          <Link href={`/articles/${article.slug}`} className="text-accent underline underline-offset-2">
            {article.title}
          </Link>
        </>
      ) : null}
    </p>
  );
}
