// A reader's own submissions and where each stands, for /submissions and their profile.
import { getDb } from "@/lib/db/client";

const submissionSelect = {
  id: true,
  url: true,
  state: true,
  progress: true,
  reason: true,
  selection: true,
  createdAt: true,
  updatedAt: true,
  article: { select: { slug: true, title: true, status: true } },
} as const;

export async function listMySubmissions(userId: string) {
  return getDb().submission.findMany({ where: { submitterId: userId }, orderBy: { createdAt: "desc" }, take: 100, select: submissionSelect });
}

/** One of the viewer's submissions; someone else's is "not found", like a missing id. */
export async function getMySubmission(userId: string, id: string) {
  return getDb().submission.findFirst({ where: { id, submitterId: userId }, select: submissionSelect });
}

/** The articles a person brought that are published: shown on their public profile. */
export async function listPublishedSubmissions(userId: string) {
  return getDb().submission.findMany({
    where: { submitterId: userId, state: "published", article: { status: "published" } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, article: { select: { slug: true, title: true, siteName: true } } },
  });
}

export type MySubmission = NonNullable<Awaited<ReturnType<typeof getMySubmission>>>;
