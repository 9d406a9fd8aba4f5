import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { getProfile } from "@/lib/data/debate";
import { formatDate } from "@/lib/format";
import { formatAge } from "@/lib/format-age";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ params }: { params: Promise<{ id: string }> }) {
  // Only what the viewer may see of this person's responses (lib/policy/visibility.ts), counted the same way.
  const profile = await getProfile((await params).id, await getCurrentUser());
  if (!profile) notFound();
  const { user, responses, totals } = profile;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header>
        <h1 className="font-serif text-3xl font-semibold">{user.name}</h1>
        <p className="text-sm text-muted">Joined {formatDate(user.createdAt)}</p>
        <p className="mt-2 text-sm" data-testid="profile-totals">
          {totals.responses} {totals.responses === 1 ? "response" : "responses"} · rated strong {totals.strong} times, weak {totals.weak} times
        </p>
      </header>
      <ul className="space-y-3">
        {responses.map((response) => (
          <li key={response.id} className="rounded-lg border border-line bg-white p-3 text-sm" data-testid="profile-response">
            <p className="text-xs text-muted">
              {response.stance === "support" ? "Supported" : "Opposed"} a claim in “{response.claim.article.title}” · {formatAge(response.createdAt)} · {response.replies} replies
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
