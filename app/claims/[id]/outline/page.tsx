// /claims/[id]/outline: the whole debate as an argument map (up to 300 responses) and as a navigable
// outline (up to 2,000), with the claim's vote distribution. Strongest arguments first at every level.
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { StandingBar } from "@/components/standing-bar";
import { standingGrounds } from "@/lib/argument/grounds";
import { getClaimOutline } from "@/lib/debate/discussion";
import { ArgumentMap } from "./argument-map";
import { ArgumentOutline } from "./argument-outline";
import { ViewerScope } from "@/components/viewer/viewer-scope";
import { pageOverlay } from "@/lib/debate/page-overlay";

export const metadata: Metadata = { title: "Map and outline of a debate" };

/** Agree and disagree as one bar with its numbers written out (not colour alone). */
function VoteDistribution({ agree, disagree }: { agree: number; disagree: number }) {
  const total = agree + disagree;
  const agreeShare = total ? Math.round((agree / total) * 100) : 0;
  const description = total ? `${agree} agree (${agreeShare}%), ${disagree} disagree (${100 - agreeShare}%)` : "No votes yet";
  return (
    <figure className="space-y-1" aria-label="Votes on the claim">
      <svg role="img" aria-label={description} viewBox="0 0 100 6" preserveAspectRatio="none" className="h-3 w-full overflow-hidden rounded">
        <rect x="0" y="0" width="100" height="6" className="fill-stone-200" />
        {total ? <rect x="0" y="0" width={agreeShare} height="6" className="fill-emerald-600" /> : null}
        {total ? <rect x={agreeShare} y="0" width={100 - agreeShare} height="6" className="fill-rose-500" /> : null}
      </svg>
      <figcaption className="text-sm text-muted" data-testid="vote-distribution">
        {description}
      </figcaption>
    </figure>
  );
}

export default async function OutlinePage({ params }: { params: Promise<{ id: string }> }) {
  const outline = await getClaimOutline((await params).id);
  if (!outline) notFound();
  // The standing as a figure only with grounds (lib/argument/grounds.ts); the votes themselves always.
  const grounded = standingGrounds(outline).kind === "enough";
  return (
    <ViewerScope articleId={outline.claim.articleId} seed={await pageOverlay(outline.claim.articleId)}>
      <div className="mx-auto max-w-3xl space-y-6">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href={`/claims/${outline.claim.id}`} className="text-accent hover:underline">
            ← Back to the debate
          </Link>
        </nav>
        <h1 className="font-serif text-2xl font-semibold">{outline.claim.text}</h1>
        <section aria-label="Standing and votes" className="space-y-3 rounded-lg border border-line bg-white p-4">
          {grounded ? <StandingBar value={outline.standing} /> : null}
          <VoteDistribution agree={outline.agree} disagree={outline.disagree} />
        </section>
        <ArgumentMap
          claimText={outline.claim.text}
          claimFigure={grounded ? `${Math.round(outline.standing * 100)}%` : null}
          roots={outline.roots}
          total={outline.total}
        />
        <h2 className="text-lg font-semibold">Outline</h2>
        <p className="text-sm text-muted">
          Use the arrow keys to move through the outline, Right and Left to open and close a thread, Enter to open a response.
          {outline.shown < outline.total ? ` Showing the first ${outline.shown.toLocaleString("en")} of ${outline.total.toLocaleString("en")} responses.` : ""}
        </p>
        <ArgumentOutline roots={outline.roots} />
      </div>
    </ViewerScope>
  );
}
