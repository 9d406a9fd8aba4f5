// Rules for claim spans that an editor creates, merges or splits. Pure.
import { AppError } from "@/lib/errors";
import type { BodyBlock } from "./index";
import { segmentSentences, trimSpan } from "./segment";

export interface Span {
  start: number;
  end: number;
}

export class SpanError extends AppError {
  override name = "SpanError";
}

export const MIN_CLAIM_CHARS = 10;

/** Whether a span (perhaps empty) has whole-number offsets within the body, start before end. */
export function liesInBody(body: string, { start, end }: Span): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= body.length;
}

/** Trims white space off a span and checks it lies inside one paragraph of the body. */
export function normaliseSpan(body: string, blocks: BodyBlock[], selection: Span): Span {
  if (!liesInBody(body, selection) || selection.start === selection.end) {
    throw new SpanError("invalid_request", "That selection is not part of the article text.");
  }
  const { start, end } = trimSpan(body, selection.start, selection.end);
  const block = blocks.find((candidate) => candidate.start <= start && end <= candidate.end);
  if (!block) throw new SpanError("invalid_request", "A claim must lie within a single paragraph.");
  if (block.kind !== "paragraph") throw new SpanError("invalid_request", "Headings cannot be claims.");
  if (end - start < MIN_CLAIM_CHARS) throw new SpanError("invalid_request", `A claim needs at least ${MIN_CLAIM_CHARS} characters.`);
  return { start, end };
}

export function overlapping(span: Span, others: Span[]): Span | undefined {
  return others.find((other) => span.start < other.end && other.start < span.end);
}

/** Two claims merge when they sit in the same paragraph with only white space between them. */
export function canMerge(body: string, first: Span, second: Span): boolean {
  const [a, b] = first.start < second.start ? [first, second] : [second, first];
  return a.end <= b.start && /^[ \t]*$/.test(body.slice(a.end, b.start));
}

/** Splits a claim at `at` into two trimmed spans, each long enough to stand alone. */
export function splitSpan(body: string, span: Span, at: number): [Span, Span] {
  if (!Number.isInteger(at) || at <= span.start || at >= span.end) throw new SpanError("invalid_request", "Choose a split point inside the claim.");
  const parts: [Span, Span] = [trimSpan(body, span.start, at), trimSpan(body, at, span.end)];
  if (parts.some((part) => part.end - part.start < MIN_CLAIM_CHARS)) {
    throw new SpanError("invalid_request", `Both parts of a split claim need at least ${MIN_CLAIM_CHARS} characters.`);
  }
  return parts;
}

/** Every sentence of the body's paragraphs, in body offsets: what keyboard readers move through. */
export function paragraphSentences(body: string, blocks: BodyBlock[]): Span[] {
  return blocks
    .filter((block) => block.kind === "paragraph")
    .flatMap((block) => segmentSentences(body.slice(block.start, block.end)).map((span) => ({ start: block.start + span.start, end: block.start + span.end })));
}
