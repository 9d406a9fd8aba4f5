import { Link } from "@/components/ui/link";
import type { BodyBlock } from "@/lib/ingest";
import { LiveClaimMark, type ClaimFigures } from "./live/live-claim-mark";

export interface MarkedClaim {
  id: string;
  start: number;
  end: number;
  text: string;
  /** Set for a claim a reader raised (lib/argument/claim-origin.ts): it is styled and labelled apart. */
  raisedBy?: string | null;
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

// A link's words cannot be selected by dragging in Chromium unless the link is neither draggable nor
// excluded from selection: readers select a claim's words to argue them (app/articles/[slug]/argue-this.tsx).
function ClaimMark({ claim, text, start, summary }: { claim: MarkedClaim; text: string; start: number; summary?: ClaimFigures }) {
  const raisedBy = claim.raisedBy === undefined ? undefined : (claim.raisedBy ?? "a reader");
  const origin = raisedBy === undefined ? "article" : "reader";
  const title = raisedBy === undefined ? "Claim" : `Claim raised by ${raisedBy}`;
  return (
    <Link
      href={`/claims/${claim.id}`}
      // Prefetched on a touch by app/articles/[slug]/claim-links.tsx, never as a pointer crosses the text.
      prefetch={false}
      id={`claim-${claim.id}`}
      data-claim-id={claim.id}
      data-origin={origin}
      draggable={false}
      className="group relative select-text text-ink outline-offset-1"
    >
      <LiveClaimMark
        claimId={claim.id}
        initial={summary ?? { supporting: 0, opposing: 0 }}
        origin={origin}
        raisedBy={raisedBy}
        offset={start}
        title={claim.text !== text ? `${title}: ${claim.text}` : title}
      >
        {text}
      </LiveClaimMark>
    </Link>
  );
}

/**
 * The article text with each claim marked where its words stand, linking to its debate. Every run of
 * text carries its offset in the body (`data-offset`), so a reader's selection maps back to the body.
 */
export function ArticleBody({
  body,
  blocks,
  claims,
  summaries,
}: {
  body: string;
  blocks: BodyBlock[];
  claims: MarkedClaim[];
  summaries?: Map<string, ClaimFigures>;
}) {
  return (
    <div className="font-serif text-lg leading-relaxed" data-testid="article-body">
      {blocks.map((block) =>
        block.kind === "heading" ? (
          <h2 key={block.start} className="mb-3 mt-8 font-sans text-xl font-semibold" data-offset={block.start}>
            {body.slice(block.start, block.end)}
          </h2>
        ) : (
          <p key={block.start} className="mb-5">
            {segmentBlock(body, block, claims).map((segment, index) =>
              segment.claim ? (
                <ClaimMark key={index} claim={segment.claim} text={segment.text} start={segment.start} summary={summaries?.get(segment.claim.id)} />
              ) : (
                <span key={index} data-offset={segment.start}>
                  {segment.text}
                </span>
              ),
            )}
          </p>
        ),
      )}
    </div>
  );
}
