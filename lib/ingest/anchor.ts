// Anchor: every claim points at the exact words of the stored body, as a W3C Web Annotation would:
// a TextQuoteSelector (exact text with some context either side) and a TextPositionSelector
// (character offsets). The position is fast; the quote lets a claim find its words again if the
// body is ever corrected. Pure.

export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

export interface Anchor {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

const CONTEXT = 32;

export function anchorSpan(body: string, start: number, end: number): Anchor {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= body.length && start < end)) {
    throw new RangeError(`Invalid span ${start}..${end} for a body of ${body.length} characters.`);
  }
  return {
    quote: {
      type: "TextQuoteSelector",
      exact: body.slice(start, end),
      prefix: body.slice(Math.max(0, start - CONTEXT), start),
      suffix: body.slice(end, end + CONTEXT),
    },
    position: { type: "TextPositionSelector", start, end },
  };
}

/** How many characters `a` and `b` share at their ends. */
export function commonSuffixLength(a: string, b: string) {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** How many characters `a` and `b` share at their starts. */
export function commonPrefixLength(a: string, b: string) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Finds the anchored words in `body`: at the recorded position when they are still there, otherwise
 * at the occurrence of the exact text whose surroundings best match the recorded context.
 * Returns null when the words are gone.
 */
export function locate(body: string, anchor: Anchor): { start: number; end: number } | null {
  const { exact, prefix, suffix } = anchor.quote;
  const { start, end } = anchor.position;
  if (body.slice(start, end) === exact) return { start, end };
  let best: { start: number; end: number; score: number } | null = null;
  for (let index = body.indexOf(exact); index !== -1; index = body.indexOf(exact, index + 1)) {
    const score =
      commonSuffixLength(body.slice(Math.max(0, index - prefix.length), index), prefix) +
      commonPrefixLength(body.slice(index + exact.length, index + exact.length + suffix.length), suffix) -
      Math.abs(index - start) / 1e6;
    if (!best || score > best.score) best = { start: index, end: index + exact.length, score };
  }
  return best && { start: best.start, end: best.end };
}
