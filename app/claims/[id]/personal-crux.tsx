"use client";
// "Your crux here": for a signed-in reader who voted on the claim, the rating their side rests on most
// (lib/argument/crux.ts), in words of their own vote. Asked for from the person's own layer, after their
// votes change; a shared page never holds it.
import { useEffect, useState } from "react";
import { useViewer } from "@/components/viewer/viewer-scope";
import { describeCrux } from "@/lib/argument/crux";
import type { CruxView } from "@/lib/debate/personal-crux";

export function PersonalCrux({ claimId }: { claimId: string }) {
  const viewer = useViewer();
  const [crux, setCrux] = useState<CruxView | null>(null);
  const claimVote = viewer?.claimVotes[claimId] ?? null;
  // Any change of the person's votes may change their crux.
  const votes = viewer ? JSON.stringify([claimVote, viewer.responseVotes]) : null;
  useEffect(() => {
    if (!viewer?.user || !claimVote) return;
    let current = true;
    // Answered by the edge without Next.js (GET /api/claims/:id/crux, decision 022).
    fetch(`/api/claims/${encodeURIComponent(claimId)}/crux`, { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<{ crux: CruxView | null }>) : { crux: null }))
      .then(
        ({ crux }) => current && setCrux(crux),
        () => current && setCrux(null),
      );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `votes` stands for the viewer's votes
  }, [claimId, votes]);
  if (!viewer?.user || !claimVote || !crux || crux.claimVote !== claimVote) return null;
  return (
    <aside aria-label="Your crux here" className="rounded-lg border border-violet-300 bg-violet-50 p-3 text-sm" data-testid="personal-crux">
      <p className="font-semibold">Your crux here</p>
      <p>
        <a href={`#response-${crux.responseId}`} className="text-accent hover:underline">
          “{crux.excerpt}”
        </a>
      </p>
      <p className="text-muted">{describeCrux(crux, crux.claimVote)}</p>
    </aside>
  );
}
