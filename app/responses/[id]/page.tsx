import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { getThread } from "@/lib/debate/discussion";
import { LiveDebate } from "@/components/live/live-debate";
import { ViewerScope } from "@/components/viewer/viewer-scope";
import { pageOverlay } from "@/lib/debate/page-overlay";
import { ResponseItem } from "@/app/claims/[id]/response-tree";

export const metadata: Metadata = { title: "Thread" };

type Props = { params: Promise<{ id: string }> };

/** "Continue this thread": one response and the replies below it. */
export default async function ThreadPage({ params }: Props) {
  const { id } = await params;
  const user = await getCurrentUser();
  const thread = await getThread(id, { viewer: user });
  if (!thread) notFound();
  const { claim, article, response, ancestors } = thread;
  return (
    <ViewerScope articleId={claim.articleId} seed={await pageOverlay(claim.articleId)}>
      <div className="space-y-6">
        <LiveDebate claimId={claim.id} />
        <nav aria-label="Breadcrumb" className="flex flex-wrap gap-1 text-sm">
          <Link href={`/articles/${article.slug}`} className="text-accent hover:underline">
            {article.title}
          </Link>
          <span aria-hidden="true">›</span>
          <Link href={`/claims/${claim.id}`} className="text-accent hover:underline">
            Claim
          </Link>
          {ancestors.map((ancestor) => (
            <span key={ancestor.id} className="flex gap-1">
              <span aria-hidden="true">›</span>
              <Link href={`/responses/${ancestor.id}`} className="text-accent hover:underline">
                {ancestor.authorName ?? "[deleted]"}
              </Link>
            </span>
          ))}
        </nav>
        <p className="font-serif text-lg">{claim.text}</p>
        <ul>
          <ResponseItem response={response} claimId={claim.id} claimOpen={!claim.locked && !claim.hidden} />
        </ul>
      </div>
    </ViewerScope>
  );
}
