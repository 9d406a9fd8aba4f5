import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Link } from "@/components/ui/link";
import { getCurrentUser } from "@/lib/auth/session";
import { getMySubmission } from "@/lib/submissions/queries";
import { SubmissionState } from "../submission-state";
import { RefreshWhileImporting } from "./refresh-while-importing";

export const metadata: Metadata = { title: "Your submission" };

/** One submission: its progress while it is imported (the page refreshes itself), then where it stands. */
export default async function SubmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=/submissions/${encodeURIComponent(id)}`);
  const submission = await getMySubmission(user.id, id);
  if (!submission) notFound();
  const running = submission.state === "queued" || submission.state === "importing";
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/submissions" className="text-accent underline underline-offset-2">
          ← Your submissions
        </Link>
      </nav>
      <h1 className="font-serif text-2xl font-semibold break-all">{submission.article?.title ?? submission.url}</h1>
      <div role="status" aria-live="polite" className="rounded-lg border border-line bg-white p-4">
        <SubmissionState submission={submission} />
        {running ? <p className="mt-1 text-sm text-muted">You can leave this page: the import goes on, and your submissions list shows how it ends.</p> : null}
        {submission.state === "waiting" ? <p className="mt-1 text-sm text-muted">An editor reviews its claims before readers see it.</p> : null}
      </div>
      {submission.selection ? (
        <p className="text-sm">
          The words you selected: <q>{submission.selection}</q>
        </p>
      ) : null}
      <RefreshWhileImporting running={running} />
    </div>
  );
}
