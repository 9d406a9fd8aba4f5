// What happens to words a reader selects to argue: snapped to whole words, checked against the article's
// paragraphs and against the claims already marked. Pure: the article page runs it to preview the choice
// ("Argue this" or "Open its debate") and the server runs it again, under the article's lock, to decide.
import type { BodyBlock } from "@/lib/ingest";
import { liesInBody, MIN_CLAIM_CHARS, type Span } from "@/lib/ingest/spans";

export const CLAIM_MAX_CHARS = 600;

const OUTSIDE_THE_TEXT = "That selection is not part of the article text. Select words in the article itself.";

const WORD_CHAR = /[\p{L}\p{N}_'’\-]/u;
const OPENERS = /[“"‘'(\[«]/u;
// What ends a statement or closes a quotation; a comma or colon belongs to what follows it, not the claim.
const CLOSERS = /[.!?…”"’')\]»]/u;

/**
 * Widens a selection to whole words (a drag that starts mid-word takes the word), takes the punctuation
 * and quotation marks that cling to its first and last words, and trims white space.
 */
export function snapToWords(body: string, { start, end }: Span): Span {
  while (start > 0 && WORD_CHAR.test(body[start - 1]) && WORD_CHAR.test(body[start] ?? "")) start--;
  while (end < body.length && WORD_CHAR.test(body[end]) && WORD_CHAR.test(body[end - 1] ?? "")) end++;
  while (start < end && /\s/.test(body[start])) start++;
  while (end > start && /\s/.test(body[end - 1])) end--;
  if (start === end) return { start, end };
  while (start > 0 && OPENERS.test(body[start - 1])) start--;
  while (end < body.length && CLOSERS.test(body[end])) end++;
  return { start, end };
}

/** The words of a span, each as its own span: what "for the most part" counts. */
export function wordsIn(body: string, span: Span): Span[] {
  const words: Span[] = [];
  for (const match of body.slice(span.start, span.end).matchAll(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu)) {
    words.push({ start: span.start + match.index, end: span.start + match.index + match[0].length });
  }
  return words;
}

/** The sentence (of `sentences`, in body offsets) that holds the start of `span`, if any. */
export function sentenceAround(sentences: Span[], span: Span): Span | null {
  return sentences.find((sentence) => sentence.start <= span.start && span.start < sentence.end) ?? null;
}

export interface ExistingClaim extends Span {
  id: string;
}

export type SelectionJudgement =
  /** Nothing can be made of it; `message` says why. */
  | { kind: "invalid"; message: string }
  /** It runs over a paragraph's end: offer the part in the first paragraph. */
  | { kind: "acrossParagraphs"; message: string; suggestion: Span | null }
  /** Most of its words are an existing claim's (or most of a claim's words are in it): that debate. */
  | { kind: "existing"; claimId: string }
  /** It touches a claim for a small part: offer the longest part outside every claim. */
  | { kind: "partlyClaimed"; message: string; claimId: string; suggestion: Span | null }
  | { kind: "new"; span: Span };

const sharedWords = (words: Span[], claim: Span) => words.filter((word) => word.start < claim.end && claim.start < word.end).length;

/** The longest piece of `span` that no claim touches, snapped to words; null when none is long enough. */
function longestFreePart(body: string, span: Span, claims: Span[]): Span | null {
  let best: Span | null = null;
  let cursor = span.start;
  const sorted = claims.filter((claim) => claim.start < span.end && span.start < claim.end).sort((a, b) => a.start - b.start);
  for (const piece of [...sorted, { start: span.end, end: span.end }]) {
    const part = trimToWordsInside(body, { start: cursor, end: Math.max(cursor, piece.start) });
    if (part.end - part.start >= MIN_CLAIM_CHARS && (!best || part.end - part.start > best.end - best.start)) best = part;
    cursor = Math.max(cursor, piece.end);
  }
  return best;
}

/** Narrows a span to the whole words inside it (the opposite of snapping outward, for leftovers). */
function trimToWordsInside(body: string, span: Span): Span {
  const words = wordsIn(body, span);
  if (!words.length) return { start: span.start, end: span.start };
  const narrowed = { start: words[0].start, end: words[words.length - 1].end };
  while (narrowed.end < span.end && CLOSERS.test(body[narrowed.end])) narrowed.end++;
  return narrowed;
}

/**
 * Decides what a reader's selection becomes. `claims` are every claim the words could collide with
 * (on the server: hidden ones too, so withheld words cannot be raised again under a new id).
 */
export function judgeSelection(body: string, blocks: BodyBlock[], selection: Span, claims: ExistingClaim[]): SelectionJudgement {
  if (!liesInBody(body, selection)) return { kind: "invalid", message: OUTSIDE_THE_TEXT };
  // A click is not a selection: a collapsed one must not grow into the word under the caret.
  const span = body.slice(selection.start, selection.end).trim() ? snapToWords(body, selection) : selection;
  const words = wordsIn(body, span);
  if (!words.length) return { kind: "invalid", message: "Select some words of the article first." };
  const first = blocks.find((block) => block.start <= span.start && span.start < block.end);
  if (!first) return { kind: "invalid", message: OUTSIDE_THE_TEXT };
  if (first.kind !== "paragraph") return { kind: "invalid", message: "Headings cannot be argued: select words in a paragraph." };
  if (span.end > first.end) {
    const part = snapToWords(body, { start: span.start, end: first.end });
    return {
      kind: "acrossParagraphs",
      message: "A claim stays within one paragraph.",
      suggestion: part.end - part.start >= MIN_CLAIM_CHARS && part.end - part.start <= CLAIM_MAX_CHARS ? part : null,
    };
  }
  let closest: { claim: ExistingClaim; share: number } | null = null;
  for (const claim of claims) {
    const shared = sharedWords(words, claim);
    if (!shared) continue;
    const share = Math.max(shared / words.length, shared / Math.max(1, wordsIn(body, claim).length));
    if (!closest || share > closest.share) closest = { claim, share };
  }
  if (closest && closest.share > 0.5) return { kind: "existing", claimId: closest.claim.id };
  if (closest) {
    return {
      kind: "partlyClaimed",
      message: "Part of that is already a claim. Open its debate, or argue only the words outside it.",
      claimId: closest.claim.id,
      suggestion: longestFreePart(body, span, claims),
    };
  }
  if (span.end - span.start < MIN_CLAIM_CHARS)
    return { kind: "invalid", message: `Select at least ${MIN_CLAIM_CHARS} characters: a claim is a statement, not a word.` };
  if (span.end - span.start > CLAIM_MAX_CHARS) {
    return {
      kind: "invalid",
      message: `A claim can be at most ${CLAIM_MAX_CHARS} characters (that selection has ${span.end - span.start}). Select one or two sentences.`,
    };
  }
  return { kind: "new", span };
}
