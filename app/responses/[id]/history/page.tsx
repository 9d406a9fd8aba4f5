import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { getCurrentUser } from "@/lib/auth/session";
import { getRevisions } from "@/lib/debate/response-history";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Edit history" };

export default async function HistoryPage({ params }: { params: Promise<{ id: string }> }) {
  // Null when the viewer may not see the response (lib/policy/visibility.ts): the same 404 as no response.
  const response = await getRevisions((await params).id, await getCurrentUser());
  if (!response) notFound();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/claims/${response.claimId}#response-${response.id}`} className="text-accent hover:underline">
          ← Back to the debate
        </Link>
      </nav>
      <h1 className="font-serif text-2xl font-semibold">
        {response.authorName ? <>Edit history of {response.authorName}&apos;s response</> : "Edit history of a deleted response"}
      </h1>
      {response.appearance === "tombstone" ? (
        <p className="text-muted">This response was deleted; its texts are gone.</p>
      ) : (
        <>
          {response.appearance === "withheld" ? (
            <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">
              Readers do not see this response: it is under review or was removed. You see it because you wrote it or moderate.
            </p>
          ) : null}
          <ol className="space-y-4" data-testid="revisions">
            <li className="rounded-lg border border-line bg-white p-3">
              <p className="text-xs text-muted">Current version{response.editedAt ? `, ${formatDate(response.editedAt)}` : ""}</p>
              <Markdown text={response.body} />
            </li>
            {response.revisions.map((revision) => (
              <li key={revision.id} className="rounded-lg border border-line bg-stone-50 p-3" data-testid="revision">
                <p className="text-xs text-muted">Earlier version, {formatDate(revision.createdAt)}</p>
                <Markdown text={revision.body} />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
