// Segment: a paragraph into sentences, as character spans. Pure.
//
// A rule-based splitter in the manner of pySBD: a boundary follows terminal punctuation (with any
// closing quotes or brackets) and white space, then is vetoed by what comes before it (abbreviations,
// initials, list markers, ellipses) and what comes after it (a lower-case word is the same sentence).
// Measured against the 48 "Golden Rules" (npm run eval:ingest).

export interface Span {
  start: number;
  end: number;
}

// Abbreviations that almost never end a sentence: a title or a unit is followed by what it qualifies.
const NEVER_FINAL = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "sen",
  "rep",
  "gov",
  "gen",
  "lt",
  "col",
  "sgt",
  "capt",
  "cmdr",
  "adm",
  "maj",
  "pres",
  "rev",
  "hon",
  "st",
  "mt",
  "ft",
  "jr",
  "sr",
  "no",
  "nos",
  "vs",
  "v",
  "p",
  "pp",
  "fig",
  "figs",
  "vol",
  "ch",
  "art",
  "sec",
  "dept",
  "approx",
  "est",
  "cf",
  "al",
  "e.g",
  "i.e",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "mon",
  "tue",
  "tues",
  "wed",
  "thu",
  "thurs",
  "fri",
  "sat",
  "sun",
  "n°",
  "nº",
  "para",
  "ave",
  "blvd",
  "rd",
  "gen",
  "atty",
  "supt",
  "messrs",
  "mme",
  "mlle",
]);

// Abbreviations that may end a sentence: the next word decides.
const MAYBE_FINAL = new Set(["co", "corp", "inc", "ltd", "llc", "plc", "etc", "bros", "dept", "govt", "assn", "intl"]);

const TIME_ABBREVIATIONS = /^(a\.m|p\.m)$/i;

// Words that start sentences far more often than they continue a proper name.
const SENTENCE_STARTERS = new Set([
  "a",
  "an",
  "the",
  "i",
  "it",
  "he",
  "she",
  "we",
  "they",
  "you",
  "this",
  "that",
  "these",
  "those",
  "there",
  "here",
  "how",
  "what",
  "why",
  "when",
  "where",
  "who",
  "which",
  "but",
  "and",
  "or",
  "so",
  "yet",
  "if",
  "in",
  "on",
  "at",
  "as",
  "for",
  "to",
  "from",
  "with",
  "after",
  "before",
  "since",
  "while",
  "although",
  "though",
  "because",
  "my",
  "our",
  "their",
  "his",
  "her",
  "its",
  "your",
  "did",
  "do",
  "does",
  "is",
  "are",
  "was",
  "were",
  "will",
  "would",
  "can",
  "could",
  "should",
  "may",
  "might",
  "must",
  "has",
  "have",
  "had",
  "not",
  "no",
  "yes",
  "some",
  "many",
  "most",
  "all",
  "each",
  "every",
  "one",
  "two",
  "then",
  "now",
  "today",
  "yesterday",
  "still",
  "also",
  "however",
  "meanwhile",
  "instead",
  "thus",
  "hence",
  "let",
  "let's",
]);

const CLOSERS = `"'”’)]»`;
const OPENERS = `"'“‘([«`;
const BULLETS = "•⁃▪◦‣·*-–";

function isUpper(char: string | undefined) {
  return char !== undefined && char !== char.toLowerCase() && char === char.toUpperCase();
}

function isLower(char: string | undefined) {
  return char !== undefined && char !== char.toUpperCase() && char === char.toLowerCase();
}

function isDigit(char: string | undefined) {
  return char !== undefined && char >= "0" && char <= "9";
}

/** The word (letters, digits, inner dots) that ends right before `index`. */
function wordBefore(text: string, index: number) {
  let start = index;
  while (start > 0 && !/\s/.test(text[start - 1]) && !OPENERS.includes(text[start - 1])) start--;
  return text.slice(start, index);
}

function wordAt(text: string, index: number) {
  const match = /^[\p{L}\p{N}’'-]+/u.exec(text.slice(index));
  return match ? match[0] : "";
}

// List markers: "1.)", "1)", "1.", "a.", or a bullet, at the start of an item.
const LIST_MARKER = /^(?:([•⁃▪◦‣])\s*)?(?:(\d{1,3})(\.\)|\)|\.)|([a-z])\.)(?=\s)/;

interface ListStyle {
  bullet: string | undefined;
  numbered: boolean;
  suffix: string;
}

function listStyle(text: string): ListStyle | null {
  const match = LIST_MARKER.exec(text);
  if (match) return { bullet: match[1], numbered: match[2] !== undefined, suffix: match[3] ?? "." };
  if (BULLETS.slice(0, 5).includes(text[0])) return { bullet: text[0], numbered: false, suffix: "" };
  return null;
}

/** Where later items of a list that starts the text begin (forced boundaries). */
function listItemStarts(text: string): Set<number> {
  const starts = new Set<number>();
  const style = listStyle(text);
  if (!style) return starts;
  if (style.bullet) {
    for (let i = 1; i < text.length; i++) if (text[i] === style.bullet && /\s/.test(text[i - 1])) starts.add(i);
    return starts;
  }
  const first = LIST_MARKER.exec(text)!;
  let expected = style.numbered ? String(Number(first[2]) + 1) : String.fromCharCode(first[4].charCodeAt(0) + 1);
  const suffix = style.numbered ? style.suffix : ".";
  for (let i = 1; i < text.length; i++) {
    if (!/\s/.test(text[i - 1])) continue;
    const marker = `${expected}${suffix}`;
    if (text.startsWith(marker, i) && /\s/.test(text[i + marker.length] ?? "")) {
      starts.add(i);
      expected = style.numbered ? String(Number(expected) + 1) : String.fromCharCode(expected.charCodeAt(0) + 1);
    }
  }
  return starts;
}

function wordsBetween(text: string, start: number, end: number) {
  return text.slice(start, end).split(/\s+/).filter(Boolean).length;
}

/**
 * Decides whether a run of terminal punctuation ending at `end` (exclusive, after closers) ends the
 * sentence that began at `sentenceStart`, given the next non-space character at `next`.
 */
function endsSentence(text: string, punctStart: number, punctEnd: number, next: number, sentenceStart: number): boolean {
  const punct = text.slice(punctStart, punctEnd).replace(/\s/g, "");
  const following = text[next];
  const nextWord = wordAt(text, next);
  const nextIsStarter = SENTENCE_STARTERS.has(nextWord.toLowerCase());
  const opensNext = isUpper(following) || isDigit(following) || OPENERS.includes(following) || BULLETS.slice(0, 5).includes(following);
  if (isLower(following)) return false;
  if (!opensNext && following !== ".") return false;

  if (/[!?]/.test(punct)) return true;

  // Ellipses: three dots trail off inside a sentence; a fourth is the sentence's own period.
  const spacedDots = text.slice(punctStart, punctEnd);
  if (punct === "…" || punct === "...") return false;
  if (/^\.(\s\.){2}$/.test(spacedDots)) return false;
  if (/^\.{4,}$/.test(punct) || /^\.(\s\.){3,}$/.test(spacedDots)) return isUpper(following) || OPENERS.includes(following);

  const word = wordBefore(text, punctStart);
  const bare = word.replace(/^[^\p{L}\p{N}°º]+/u, "").toLowerCase();

  // "[...]" marks an omission inside a quotation, not an ending.
  if (/\[\s*$/.test(text.slice(Math.max(0, punctStart - 2), punctStart))) return false;

  // A list marker such as "1.", "a." or "• 9." is the first token of its item, not an ending.
  const beforeWord = text.slice(sentenceStart, punctStart - word.length);
  if (/^(\d{1,3}|[a-z])$/.test(bare) && /^[\s•⁃▪◦‣·*\-–]*$/.test(beforeWord)) return false;

  if (TIME_ABBREVIATIONS.test(bare)) {
    return isUpper(following) && wordsBetween(text, sentenceStart, punctStart) > 4;
  }
  if (NEVER_FINAL.has(bare)) return false;
  if (MAYBE_FINAL.has(bare)) return nextIsStarter || following === undefined;
  // Initials (Jonas E. Smith) and dotted abbreviations (U.S., E.U.): a sentence-starting word decides.
  if (/^\p{L}$/u.test(bare) || /^(\p{L}\.)+\p{L}$/u.test(bare)) {
    return nextIsStarter && isUpper(following);
  }
  return true;
}

/** Splits `text` into sentence spans (trimmed, in order, covering every non-space character). */
export function segmentSentences(text: string): Span[] {
  const spans: Span[] = [];
  const forced = listItemStarts(text);
  let sentenceStart = 0;

  const close = (end: number, nextStart: number) => {
    pushTrimmed(text, sentenceStart, end, spans);
    sentenceStart = nextStart;
  };

  for (let i = 0; i < text.length; i++) {
    if (forced.has(i) && i > sentenceStart) {
      close(i, i);
      continue;
    }
    const char = text[i];
    if (char !== "." && char !== "!" && char !== "?" && char !== "…") continue;
    // Dots inside a token (3.14, example.com, Jane.Doe) are not punctuation at all.
    if (char === "." && /[\p{L}\p{N}]/u.test(text[i + 1] ?? "") && !/\s/.test(text[i + 1] ?? " ")) continue;

    // The run of terminal punctuation, spaced dots included (". . ."), then closing quotes/brackets.
    let punctEnd = i + 1;
    for (;;) {
      if (/[.!?…]/.test(text[punctEnd] ?? "")) punctEnd++;
      else if (text[punctEnd] === " " && text[punctEnd + 1] === "." && text[i] === "." && !/[\p{L}\p{N}]/u.test(text[punctEnd + 2] ?? "")) punctEnd += 2;
      else break;
    }
    // "compounds. . . . The": the attached period ends the sentence; the spaced dots open the next one.
    let afterDots = punctEnd;
    while (/\s/.test(text[afterDots] ?? "")) afterDots++;
    const attachedThenSpaced = /^\.(\s\.){3}$/.test(text.slice(i, punctEnd)) && /[\p{L}\p{N}]/u.test(text[i - 1] ?? "") && isUpper(text[afterDots]);
    let end = attachedThenSpaced ? i + 1 : punctEnd;
    if (!attachedThenSpaced) while (CLOSERS.includes(text[end] ?? "") && text[end] !== undefined) end++;

    let next = end;
    while (/\s/.test(text[next] ?? "")) next++;
    if (next >= text.length) {
      i = end - 1;
      continue;
    }
    if (next === end) {
      i = end - 1;
      continue; // no space after: "Yahoo!in", "Jr.'s"
    }
    const ends = attachedThenSpaced || endsSentence(text, i, punctEnd, next, sentenceStart);
    if (ends) close(end, next);
    i = Math.max(i, (attachedThenSpaced ? i : end) - 1);
  }
  pushTrimmed(text, sentenceStart, text.length, spans);
  return spans;
}

/** The span [start, end) of `text` without white space at either end (possibly empty). */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

function pushTrimmed(text: string, start: number, end: number, spans: Span[]) {
  const span = trimSpan(text, start, end);
  if (span.end > span.start) spans.push(span);
}

export function splitSentences(text: string): string[] {
  return segmentSentences(text).map((span) => text.slice(span.start, span.end));
}
