import Link from "next/link";
import { describeStanding } from "@/lib/argument/standing";
import type { BodyBlock } from "@/lib/ingest";

export interface ClaimSummary {
  supporting: number;
  opposing: number;
  standing: number;
}

export interface MarkedClaim {
  id: string;
  start: number;
  end: number;
  text: string;
}

interface Segment {
  text: string;
  /** Offset of the segment's first character in the body. */
  start: number;
  claim?: MarkedClaim;
}

/** Cuts one block of the body into plain runs and claim runs (claims never overlap). */
export function segmentBlock(body: string, block: BodyBlock, claims: MarkedClaim[]): Segment[] {
  const segments: Segment[] = [];
  let cursor = block.start;
  for (const claim of claims) {
    if (claim.end <= block.start || claim.start >= block.end || claim.start < cursor) continue;
    if (claim.start > cursor) segments.push({ text: body.slice(cursor, claim.start), start: cursor });
    segments.push({ text: body.slice(claim.start, Math.min(claim.end, block.end)), start: claim.start, claim });
    cursor = Math.min(claim.end, block.end);
  }
  if (cursor < block.end) segments.push({ text: body.slice(cursor, block.end), start: cursor });
  return segments;
}

function ClaimMark({ claim, text, summary }: { claim: MarkedClaim; text: string; summary?: ClaimSummary }) {
  const counts = summary ?? { supporting: 0, opposing: 0, standing: 0.5 };
  const details = ` (claim: ${counts.supporting} supporting, ${counts.opposing} opposing, ${describeStanding(counts.standing).toLowerCase()} ${Math.round(counts.standing * 100)}%)`;
  return (
    <Link href={`/claims/${claim.id}`} id={`claim-${claim.id}`} data-claim-id={claim.id} className="text-ink">
      <mark data-testid="claim" title={claim.text !== text ? `Claim: ${claim.text}` : "Claim"} className="rounded-sm bg-amber-100 px-0.5 text-ink underline decoration-amber-500 decoration-2 underline-offset-4 hover:bg-amber-200">
        {text}
      </mark>
      <sup className="ml-0.5 whitespace-nowrap font-sans text-[0.65em] text-muted" aria-hidden="true" data-testid="claim-counts">
        {counts.supporting}✓ {counts.opposing}✗ {Math.round(counts.standing * 100)}%
      </sup>
      <span className="sr-only">{details}</span>
    </Link>
  );
}

/** The article text with each claim marked where its words stand, linking to its debate. */
export function ArticleBody({ body, blocks, claims, summaries }: { body: string; blocks: BodyBlock[]; claims: MarkedClaim[]; summaries?: Map<string, ClaimSummary> }) {
  return (
    <div className="font-serif text-lg leading-relaxed" data-testid="article-body">
      {blocks.map((block) =>
        block.kind === "heading" ? (
          <h2 key={block.start} className="mb-3 mt-8 font-sans text-xl font-semibold">
            {body.slice(block.start, block.end)}
          </h2>
        ) : (
          <p key={block.start} className="mb-5">
            {segmentBlock(body, block, claims).map((segment, index) =>
              segment.claim ? (
                <ClaimMark key={index} claim={segment.claim} text={segment.text} summary={summaries?.get(segment.claim.id)} />
              ) : (
                <span key={index}>{segment.text}</span>
              ),
            )}
          </p>
        ),
      )}
    </div>
  );
}
