// Finding a claim's words in the original (Article.originalText): our copy is cleaned (whitespace
// collapsed, blocks separated), so the quote is searched for with whitespace and typographic variants
// folded, and the occurrence whose surroundings match the claim's prefix and suffix wins. Pure.
import { commonPrefixLength, commonSuffixLength } from "@/lib/ingest/anchor";

export interface QuoteInText {
  /** UTF-16 offsets into the original. */
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

const CONTEXT = 32;

/** Characters that extraction may have replaced by a plainer one, mapped to that one (one for one). */
const FOLD: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201b": "'",
  "\u2032": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u2033": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u00a0": " ",
};

/** The text with whitespace runs as one space and typographic variants folded, and where each character came from. */
function folded(text: string) {
  let out = "";
  const from: number[] = [];
  let space = false;
  for (let index = 0; index < text.length; index++) {
    const character = FOLD[text[index]] ?? text[index];
    if (/\s/.test(character)) {
      if (!space && out.length) {
        out += " ";
        from.push(index);
      }
      space = true;
      continue;
    }
    space = false;
    out += character.toLowerCase();
    from.push(index);
  }
  return { text: out, from };
}

// An article's export locates every claim in the same original: fold it once.
let lastFolded: { original: string; folded: ReturnType<typeof folded> } | null = null;
function foldedOriginal(original: string) {
  if (lastFolded?.original !== original) lastFolded = { original, folded: folded(original) };
  return lastFolded.folded;
}

/**
 * Where `quote` (with the `prefix` and `suffix` around it in our copy) is in `original`, or null if it
 * is not there. `near` (0..1) is where it is in our copy, for choosing between equal candidates.
 */
export function locateInOriginal(original: string, quote: { exact: string; prefix: string; suffix: string; near: number }): QuoteInText | null {
  const haystack = foldedOriginal(original);
  const needle = folded(quote.exact).text.trim();
  if (!needle) return null;
  const prefix = folded(quote.prefix).text.trimEnd();
  const suffix = folded(quote.suffix).text.trimStart();
  let best: { at: number; score: number } | null = null;
  for (let at = haystack.text.indexOf(needle); at !== -1; at = haystack.text.indexOf(needle, at + 1)) {
    const context =
      commonSuffixLength(haystack.text.slice(Math.max(0, at - prefix.length), at).trimEnd(), prefix) +
      commonPrefixLength(haystack.text.slice(at + needle.length, at + needle.length + suffix.length + 1).trimStart(), suffix);
    // Context first; then nearness to where it is in our copy, as a tie-breaker below one character.
    const score = context - Math.abs(at / Math.max(1, haystack.text.length) - quote.near);
    if (!best || score > best.score) best = { at, score };
  }
  if (!best) return null;
  const start = haystack.from[best.at];
  const end = haystack.from[best.at + needle.length - 1] + 1;
  return {
    start,
    end,
    exact: original.slice(start, end),
    prefix: original.slice(Math.max(0, start - CONTEXT), start),
    suffix: original.slice(end, end + CONTEXT),
  };
}

/** A UTF-16 offset as a count of Unicode code points, the unit of TextPositionSelector. */
export function codePointOffset(text: string, offset: number) {
  let count = 0;
  for (let index = 0; index < offset; index++) {
    const code = text.charCodeAt(index);
    // The high half of a surrogate pair starts a code point; its low half does not.
    if (!(code >= 0xdc00 && code <= 0xdfff && index > 0 && text.charCodeAt(index - 1) >= 0xd800 && text.charCodeAt(index - 1) <= 0xdbff)) count++;
  }
  return count;
}
