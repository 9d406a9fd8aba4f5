// A claim's anchor columns, written and read in one shape: where its words stand in the article
// (position and quote, decision 004) and who marked it.
import type { Prisma } from "@/lib/generated/prisma/client";
import { anchorSpan } from "@/lib/ingest/anchor";
import type { Span } from "@/lib/ingest/spans";

/** The columns that anchor a new claim at `span` of the body. */
export function anchoredRow(body: string, span: Span) {
  const { quote } = anchorSpan(body, span.start, span.end);
  return { start: span.start, end: span.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, text: quote.exact };
}

/** A claim as it is described outside the site (API, exports): its words, where they stand, who marked it. */
export const anchoredClaimSelect = {
  id: true,
  text: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  origin: true,
  raisedBy: { select: { id: true, name: true } },
} satisfies Prisma.ClaimSelect;
