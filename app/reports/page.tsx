import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { listMyReports } from "@/lib/moderation/review-queue";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Your reports" };

const STATUS = { open: "Waiting for review", upheld: "Upheld: moderators acted", dismissed: "Dismissed" } as const;

export default async function MyReportsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/reports");
  const reports = await listMyReports(user);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Your reports</h1>
      {reports.length === 0 ? <p className="text-muted">You have not reported anything.</p> : null}
      <ul className="divide-y divide-line rounded-lg border border-line bg-white">
        {reports.map((report) => (
          <li key={report.id} className="px-4 py-3 text-sm" data-testid="my-report">
            <strong>{STATUS[report.status]}</strong> · {report.rule?.name ?? (report.duplicateOfId ? "Repeats another claim" : "")} · reported{" "}
            {formatDate(report.createdAt)}
            <br />
            {report.response ? (
              <Link href={`/claims/${report.response.claimId}#response-${report.response.id}`} className="text-accent underline">
                A response
              </Link>
            ) : report.claim ? (
              <Link href={`/claims/${report.claim.id}`} className="text-accent underline">
                “{report.claim.text.slice(0, 80)}”
              </Link>
            ) : (
              <span className="text-muted">A {report.about} that readers no longer see</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
