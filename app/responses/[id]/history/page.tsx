import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { getRevisions } from "@/lib/data/debate";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Edit history" };

export default async function HistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const response = await getRevisions((await params).id);
  if (!response) notFound();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/claims/${response.claimId}#response-${response.id}`} className="text-accent hover:underline">← Back to the debate</Link>
      </nav>
      <h1 className="font-serif text-2xl font-semibold">Edit history of {response.author.name}&apos;s response</h1>
      {response.deletedAt ? (
        <p className="text-muted">This response was deleted; its texts are gone.</p>
      ) : (
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
      )}
    </div>
  );
}
