import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getClaimDiscussion } from "@/lib/data/debate";
import { ClaimDiscussionView, parseSort } from "./claim-discussion";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ sort?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const discussion = await getClaimDiscussion((await params).id);
  return { title: discussion ? discussion.claim.text.slice(0, 70) : "Claim not found" };
}

export default async function ClaimPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const view = await ClaimDiscussionView({ claimId: id, sort: parseSort(query.sort), sortHref: (sort) => `/claims/${id}?sort=${sort}` });
  if (!view) notFound();
  return view;
}
