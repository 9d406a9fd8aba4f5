"use client";
// A claim mark's figures in the article text (components/article-body.tsx), kept current by the live
// stream of the article (./live-debate.tsx).
import { describeStanding } from "@/lib/argument/standing";
import { useLiveClaim } from "./live-store";

export interface ClaimFigures {
  supporting: number;
  opposing: number;
  standing: number;
}

export function LiveClaimCounts({ claimId, initial, raisedBy }: { claimId: string; initial: ClaimFigures; raisedBy: string | undefined }) {
  const { supporting, opposing, standing } = useLiveClaim(claimId) ?? initial;
  const kind = raisedBy === undefined ? "claim" : `claim raised by ${raisedBy}`;
  const percent = Math.round(standing * 100);
  return (
    <>
      <sup className="ml-0.5 whitespace-nowrap font-sans text-[0.65em] text-muted" aria-hidden="true" data-testid="claim-counts">
        {supporting}✓ {opposing}✗ {percent}%{raisedBy === undefined ? null : <span className="text-sky-800"> · raised by {raisedBy}</span>}
      </sup>
      <span className="sr-only">{` (${kind}: ${supporting} supporting, ${opposing} opposing, ${describeStanding(standing).toLowerCase()} ${percent}%)`}</span>
    </>
  );
}
