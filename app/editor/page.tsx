import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { forbidden, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { listDraftArticles } from "@/lib/articles/queries";
import { formatDate } from "@/lib/format";
import { canEditArticles } from "@/lib/policy";

export const metadata: Metadata = { title: "Editor's desk" };

export default async function EditorDeskPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/editor");
  if (!canEditArticles(user)) forbidden();
  const drafts = await listDraftArticles();
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="font-serif text-3xl font-semibold">Editor&apos;s desk</h1>
        <span className="flex items-center gap-4">
          <Link href="/editor/feeds" className="text-accent underline underline-offset-2">
            Feeds
          </Link>
          <Link href="/editor/new" className="rounded-md bg-accent px-4 py-2 font-medium text-white hover:bg-accent-strong">
            New article
          </Link>
        </span>
      </div>
      <h2 className="text-lg font-semibold">Drafts awaiting review</h2>
      {drafts.length === 0 ? (
        <p className="text-muted">No drafts. Import an article to start.</p>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-white">
          {drafts.map((draft) => (
            <li key={draft.id} className="px-5 py-3">
              <Link href={`/editor/articles/${draft.id}`} className="font-serif text-lg hover:text-accent hover:underline">
                {draft.title}
              </Link>
              <p className="text-sm text-muted">
                {draft._count.claims} claims · imported {formatDate(draft.importedAt)}
                {draft.submissions[0] ? ` · submitted by ${draft.submissions[0].submitter.name}` : draft.importedBy ? ` by ${draft.importedBy.name}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
