import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { canPost } from "@/lib/policy";
import { getClaimDiscussion, getResponseClaimId } from "@/lib/data/debate";
import { LiveRefresh } from "@/app/claims/[id]/debate-controls";
import { ResponseItem } from "@/app/claims/[id]/response-tree";

export const metadata: Metadata = { title: "Thread" };

type Props = { params: Promise<{ id: string }> };

/** "Continue this thread": one response and everything below it. */
export default async function ThreadPage({ params }: Props) {
  const { id } = await params;
  const user = await getCurrentUser();
  const claimId = await getResponseClaimId(id);
  if (!claimId) notFound();
  const discussion = await getClaimDiscussion(claimId, { viewerId: user?.id });
  const response = discussion?.byId.get(id);
  if (!discussion || !response) notFound();
  const ancestors = [];
  for (let parent = response.parentId ? discussion.byId.get(response.parentId) : undefined; parent; parent = parent.parentId ? discussion.byId.get(parent.parentId) : undefined) {
    ancestors.unshift(parent);
  }
  return (
    <div className="space-y-6">
      <LiveRefresh claimId={discussion.claim.id} />
      <nav aria-label="Breadcrumb" className="flex flex-wrap gap-1 text-sm">
        <Link href={`/articles/${discussion.article.slug}`} className="text-accent hover:underline">{discussion.article.title}</Link>
        <span aria-hidden="true">›</span>
        <Link href={`/claims/${discussion.claim.id}`} className="text-accent hover:underline">Claim</Link>
        {ancestors.map((ancestor) => (
          <span key={ancestor.id} className="flex gap-1">
            <span aria-hidden="true">›</span>
            <Link href={`/responses/${ancestor.id}`} className="text-accent hover:underline">{ancestor.author.name}</Link>
          </span>
        ))}
      </nav>
      <p className="font-serif text-lg">{discussion.claim.text}</p>
      <ul>
        <ResponseItem response={response} claimId={discussion.claim.id} viewerId={user?.id ?? null} viewerCanPost={canPost(user)} />
      </ul>
    </div>
  );
}
