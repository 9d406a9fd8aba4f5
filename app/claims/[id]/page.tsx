import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { getClaimText, getMergedInto } from "@/lib/debate/discussion";
import { ClaimDiscussionView, discussionHref, parseDiscussionState, type DiscussionQuery } from "./claim-discussion";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<DiscussionQuery> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // As a reader first: a visible claim's title needs no session (so it does not wait for one).
  const { id } = await params;
  const text = (await getClaimText(id, null)) ?? (await getClaimText(id, await getCurrentUser()));
  return { title: text ? text.slice(0, 70) : "Claim not found" };
}

export default async function ClaimPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const view = await ClaimDiscussionView({ claimId: id, state: parseDiscussionState(query), href: (state) => discussionHref(`/claims/${id}`, state) });
  if (!view) {
    // A claim merged into another (lib/debate/curate-claim.ts): its debate continues there.
    const mergedInto = await getMergedInto(id, await getCurrentUser());
    if (mergedInto) permanentRedirect(`/claims/${mergedInto}`);
    notFound();
  }
  return view;
}
