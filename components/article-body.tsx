import type { BodyBlock } from "@/lib/ingest";

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

/** The article text with each claim marked where its words stand. */
export function ArticleBody({ body, blocks, claims }: { body: string; blocks: BodyBlock[]; claims: MarkedClaim[] }) {
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
                <mark
                  key={index}
                  data-testid="claim"
                  data-claim-id={segment.claim.id}
                  title={segment.claim.text !== segment.text ? `Claim: ${segment.claim.text}` : "Claim"}
                  className="rounded-sm bg-amber-100 px-0.5 text-ink underline decoration-amber-500 decoration-2 underline-offset-4"
                >
                  {segment.text}
                </mark>
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
