import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { getProfile } from "@/lib/debate/profile";
import { count, formatDate } from "@/lib/format";
import { formatAge } from "@/lib/format-age";
import { listPublishedSubmissions } from "@/lib/submissions/queries";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ params }: { params: Promise<{ id: string }> }) {
  // Only what the viewer may see of this person's responses (lib/policy/visibility.ts), counted the same way.
  const viewer = await getCurrentUser();
  const profile = await getProfile((await params).id, viewer);
  if (!profile) notFound();
  const brought = await listPublishedSubmissions(profile.user.id);
  const { user, responses, claims, nameChanges, totals } = profile;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header>
        <h1 className="font-serif text-3xl font-semibold">{user.name}</h1>
        <p className="text-sm text-muted">Joined {formatDate(user.createdAt)}</p>
        {nameChanges.length ? (
          <details className="mt-2 text-sm" data-testid="name-history">
            <summary className="cursor-pointer text-muted">Earlier names (moderators only)</summary>
            <ul className="mt-1 space-y-0.5">
              {nameChanges.map((change) => (
                <li key={change.createdAt.toISOString()}>
                  {formatDate(change.createdAt)}: “{change.oldName}” → “{change.newName}”
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        <p className="mt-2 text-sm" data-testid="profile-totals">
          {count(totals.responses, "response")} · rated strong {count(totals.strong, "time")}, weak {count(totals.weak, "time")} ·{" "}
          {count(totals.claims, "claim")} raised
        </p>
      </header>
      {brought.length || viewer?.id === user.id ? (
        <section aria-label="Articles brought" className="space-y-2">
          <h2 className="text-lg font-semibold">Articles brought</h2>
          {brought.length ? (
            <ul className="space-y-1 text-sm">
              {brought.map((submission) => (
                <li key={submission.id} data-testid="profile-article">
                  <Link href={`/articles/${submission.article!.slug}`} className="font-serif hover:underline">
                    {submission.article!.title}
                  </Link>
                  {submission.article!.siteName ? <span className="text-xs text-muted"> · {submission.article!.siteName}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
          {viewer?.id === user.id ? (
            <p className="text-sm">
              <Link href="/submissions" className="text-accent underline underline-offset-2">
                Your submissions
              </Link>
              , with the ones still waiting or declined ·{" "}
              <Link href="/submit" className="text-accent underline underline-offset-2">
                Submit an article
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
      {claims.length ? (
        <section aria-label="Claims raised" className="space-y-2">
          <h2 className="text-lg font-semibold">Claims raised</h2>
          <ul className="space-y-2">
            {claims.map((claim) => (
              <li key={claim.id} className="rounded-lg border border-line bg-white p-3 text-sm" data-testid="profile-claim">
                <p className="text-xs text-muted">
                  In “{claim.article.title}” · {formatAge(claim.createdAt)} · {count(claim.responseCount, "response")}
                </p>
                <Link href={`/claims/${claim.id}`} className="mt-1 block font-serif hover:underline">
                  {claim.text}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {claims.length && responses.length ? <h2 className="text-lg font-semibold">Responses</h2> : null}
      <ul className="space-y-3">
        {responses.map((response) => (
          <li key={response.id} className="rounded-lg border border-line bg-white p-3 text-sm" data-testid="profile-response">
            <p className="text-xs text-muted">
              {response.stance === "support" ? "Supported" : "Opposed"} a claim in “{response.claim.article.title}” · {formatAge(response.createdAt)} ·{" "}
              {count(response.replies, "reply", "replies")}
              {response.withheld ? " · readers do not see this response" : ""}
            </p>
            <Link href={`/claims/${response.claim.id}#response-${response.id}`} className="mt-1 block hover:underline">
              {response.body.replace(/\s+/g, " ").slice(0, 200)}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
