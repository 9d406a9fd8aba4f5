import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Link } from "@/components/ui/link";
import { getCurrentUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { listMySubmissions } from "@/lib/submissions/queries";
import { SubmissionState } from "./submission-state";

export const metadata: Metadata = { title: "Your submissions" };

/** The articles this person brought, with where each stands (waiting, published, declined with the reason). */
export default async function SubmissionsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/submissions");
  const submissions = await listMySubmissions(user.id);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="font-serif text-3xl font-semibold">Your submissions</h1>
        <Link href="/submit" className="text-accent underline underline-offset-2">
          Submit an article
        </Link>
      </div>
      {submissions.length === 0 ? <p className="text-muted">You have not submitted an article yet.</p> : null}
      <ul className="divide-y divide-line rounded-lg border border-line bg-white">
        {submissions.map((submission) => (
          <li key={submission.id} className="space-y-1 px-4 py-3" data-testid="submission">
            <Link href={`/submissions/${submission.id}`} className="break-all text-sm">
              {submission.article?.title ?? submission.url}
            </Link>
            <SubmissionState submission={submission} />
            <p className="text-xs text-muted">Submitted {formatDate(submission.createdAt)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
