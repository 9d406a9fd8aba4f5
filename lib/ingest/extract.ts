// Extract: from a pasted or scraped page (plain text) to the article's title, byline, what the page
// says about itself (site, date, language) and body blocks.
// Pure: no database, no network. Works line by line with rules that hold across news sites rather than
// rules for particular sites: prose looks like prose (long, ends a sentence); navigation, prompts,
// captions and credits do not; and the article is the largest contiguous run of prose, so that the
// teasers of unrelated stories after it, separated by "keep reading" prompts and credits, fall away.

import { createRequire } from "node:module";
import { AppError } from "@/lib/errors";

export type BlockKind = "heading" | "paragraph";

export interface ExtractedBlock {
  kind: BlockKind;
  text: string;
}

/** What a page says about itself, beside its title and byline. */
export interface ArticleMetadata {
  /** Where the page was fetched from, when it was. */
  sourceUrl: string | null;
  siteName: string | null;
  publishedAt: Date | null;
  /** BCP 47 tag, as the page declares it or as its words show ("en"). */
  language: string | null;
}

export interface ExtractedArticle {
  title: string;
  byline: string | null;
  blocks: ExtractedBlock[];
  metadata: ArticleMetadata;
  /**
   * The original's text as annotation tools address it: for a page, its body's text content (what
   * Hypothesis and other Web Annotation clients count TextPositionSelector offsets in); for pasted text,
   * the text exactly as given.
   */
  originalText: string;
}

type LineClass = "prose" | "heading" | "prompt" | "furniture" | "end" | "caption" | "other";

interface Line {
  text: string;
  words: number;
  kind: LineClass;
}

// Calls to action, which interrupt articles as often as they surround them.
const PROMPTS = [
  /\bsign (up|in)\b/i,
  /\blog ?in\b/i,
  /\bsubscri(be|ber|ption)\b/i,
  /\bnewsletters?\b/i,
  /\bfree trial\b/i,
  /\bunlimited access\b/i,
  /\bcancel anytime\b/i,
  /\bfollow us\b/i,
  /\bshare (this|on)\b/i,
  /\bad-free\b/i,
  /\bper (month|year)\b/i,
  /\bbest value\b/i,
  /\bstay up-to-date\b/i,
  /\bexclusive (international )?(news )?coverage\b/i,
  /\b(advertisement|sponsored)\b/i,
  // Newsletter offers: "Get the day's top stories in your inbox.", "… delivered straight to your inbox."
  /^(get|receive|have)\b.{0,80}\b(in|to|into) your inbox\b/i,
  /\bdelivered (straight |right |directly )?to your inbox\b/i,
];

// Site furniture: section trails, menus, syndication and copyright lines. These sit around articles.
const FURNITURE = [
  /\brepublished with permission\b/i,
  /\bcookies?\b.*\b(accept|policy|consent)\b/i,
  /\ball rights reserved\b/i,
  /^\s*(menu|search|home|close|latest|trending|newsletter|qiosk|related|more|share|print|email)\s*$/i,
  /\s\|\s/, // "Analysis | Europe"
];

// Markers after which a page shows other content (paywalls, "read more" lists, teasers).
const END_MARKERS = [
  /\breached your limit\b/i,
  /\bread the full (story|article)\b/i,
  /keep reading/i, // often run together with "Show less" in scrapes
  /show less/i,
  /\bcontinue reading\b/i,
  /\b(related|recommended|more) (stories|articles|reading)\b/i,
  /\byou (may|might) also like\b/i,
  /^\s*read (more|next)\b/i,
];

// Photo captions and credits.
const CAPTION = [
  /\b(photo|image|picture|illustration|file photo|top image)\b/i,
  /\bcredit:/i,
  /^caption\b/i,
  /\bvia (zuma|getty|reuters|ap|afp|shutterstock)\b/i,
  /\b(shutterstock|getty images|reuters|afp|associated press)\b/i,
  /^[\w-]+\.(jpe?g|png|webp|gif)$/i,
  /^[\w-]*\d{5,}[\w-]*$/, // image file names such as Shutterstock_1578070744-scaled
];

const SENTENCE_END = /[.!?…]["”’')\]]*$/;

function normalise(raw: string): string[] {
  return raw
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter((line) => line.length > 0);
}

function wordCount(text: string) {
  return text.split(/\s+/).filter(Boolean).length;
}

function classify(text: string): LineClass {
  const words = wordCount(text);
  if (END_MARKERS.some((pattern) => pattern.test(text))) return "end";
  if (FURNITURE.some((pattern) => pattern.test(text)) && words < 30) return "furniture";
  if (PROMPTS.some((pattern) => pattern.test(text)) && words < 30) return "prompt";
  const endsSentence = SENTENCE_END.test(text);
  if (CAPTION.some((pattern) => pattern.test(text)) && (!endsSentence || words < 12)) return "caption";
  // A short line that asks or exclaims, alone, is a headline ("Is the office dead?"), not a paragraph.
  if (/[?!]["”’]?$/.test(text) && words <= 12 && !/[.!?]\s/.test(text) && /^[\p{Lu}\p{N}“"']/u.test(text)) return "heading";
  if (endsSentence && words >= 8) return "prose";
  // Scrapes drop final periods, most often after a closing quotation mark; long lines are prose anyway.
  if ((/["”’]$/.test(text) && words >= 12) || words >= 30) return "prose";
  if (!endsSentence && words >= 1 && words <= 10 && /^[\p{Lu}\p{N}“"']/u.test(text)) return "heading";
  return "other";
}

// How much each kind of line adds to, or costs, a run of article text.
function score(line: Line): number {
  switch (line.kind) {
    case "prose":
      return line.words;
    case "heading":
      return -4;
    case "other":
      return -6;
    case "caption":
      return -25;
    case "prompt":
      return -3;
    case "furniture":
      return -30;
    case "end":
      return Number.NEGATIVE_INFINITY;
  }
}

/** The contiguous run of lines with the largest total score (Kadane's algorithm). */
function mainRun(lines: Line[]): [number, number] | null {
  let best: [number, number] | null = null;
  let bestSum = 0;
  let sum = 0;
  let start = 0;
  lines.forEach((line, index) => {
    const value = score(line);
    if (sum + value <= 0 || !Number.isFinite(value)) {
      sum = 0;
      start = index + 1;
      return;
    }
    sum += value;
    if (sum > bestSum && line.kind === "prose") {
      bestSum = sum;
      best = [start, index];
    }
  });
  return best;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const DATE_PATTERNS: { pattern: RegExp; parts: (match: RegExpMatchArray) => [number, number, number] }[] = [
  { pattern: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "i"), parts: (m) => [Number(m[3]), monthIndex(m[1]), Number(m[2])] },
  { pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})\\b`, "i"), parts: (m) => [Number(m[3]), monthIndex(m[2]), Number(m[1])] },
  { pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/, parts: (m) => [Number(m[1]), Number(m[2]) - 1, Number(m[3])] },
];

function monthIndex(name: string) {
  return MONTHS.findIndex((month) => month.startsWith(name.toLowerCase().replace(".", "").slice(0, 3)));
}

/** The date a header line states, and the line without it ("By Ada Lovelace | March 3, 2026"). */
function dateIn(text: string): { date: Date; rest: string } | null {
  for (const { pattern, parts } of DATE_PATTERNS) {
    const match = text.match(pattern);
    if (!match) continue;
    const [year, month, day] = parts(match);
    const date = new Date(Date.UTC(year, month, day));
    if (month < 0 || date.getUTCDate() !== day || year < 1800 || year > 2200) continue;
    const rest = text
      .replace(match[0], " ")
      .replace(/\b(published|updated|posted|first published|last modified)\b:?/gi, " ")
      .replace(/\b(at|on)?\s*\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?\s*(\p{Lu}{2,4})?\b/giu, " ")
      // Separators between the parts go; a comma inside a part stays ("Priya Nair, Health Correspondent").
      .replace(/(^|\s)[|·•—–,](?=\s|$)/g, " ")
      .replace(/\s+/g, " ")
      .replace(/^[\s|·•—–,]+|[\s|·•—–,]+$/g, "");
    return { date, rest };
  }
  return null;
}

// Section labels, kickers and breadcrumbs above a headline ("Business / Work", "OPINION", "World › Europe").
const SECTION_WORDS = new Set(
  "opinion analysis comment commentary editorial editorials letters letter interview explainer explained news world business work politics culture science tech technology health sport sports economy climate environment europe asia africa americas us uk local national international features feature review reviews long read investigation essay column columns ideas life lifestyle education money markets media arts books travel podcast video live breaking exclusive".split(
    " ",
  ),
);

function looksLikeSectionLabel(text: string) {
  if (/\s[/|›»>]\s|^[\w &]+\s?[/›»]\s?[\w &]+$/.test(text)) return true;
  if (/:$/.test(text)) return true;
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  if (words.length <= 3 && words.length > 0 && words.every((word) => SECTION_WORDS.has(word) || word === "the" || word === "and")) return true;
  return words.length <= 3 && text === text.toUpperCase() && /\p{Lu}/u.test(text);
}

/** Site names from a copyright line ("© 2026 The Daily Ledger. All rights reserved."). */
function siteNameIn(text: string): string | null {
  const match = text.match(/^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:[–-]\d{4})?\s*)?([^.,|]{2,60}?)\s*(?:[.,|]|all rights reserved|$)/i);
  return match ? match[1].trim() : null;
}

/** "en" when the text is plainly English (its commonest words), else unknown. */
function guessLanguage(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.length < 20) return null;
  const common = words.filter((word) => ENGLISH_COMMON.has(word)).length;
  return common / words.length >= 0.15 ? "en" : null;
}

const ENGLISH_COMMON = new Set([
  "the",
  "of",
  "and",
  "to",
  "a",
  "in",
  "is",
  "that",
  "it",
  "for",
  "was",
  "on",
  "are",
  "as",
  "with",
  "be",
  "this",
  "by",
  "not",
  "have",
]);

function hostOf(url: string | null) {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
}

const NAME_WORD = /^(\p{Lu}[\p{L}'’.-]*|and|van|von|de|da|del|der|la|le|bin|al)$/u;

/** Words that name a reporter's job or beat after their name ("Priya Nair, Health Correspondent"). */
const ROLE_WORD =
  /\b(correspondents?|reporters?|editors?|writers?|columnists?|staff|contributors?|producers?|analysts?|bureau|chief|critics?|journalists?|presenters?|authors?|desk|team|fellow)\b/i;

/** A byline without "By" and without the role or beat that may follow the name. */
export function bylineName(text: string): string {
  const name = text.replace(/^by\s+/i, "").trim();
  const withRole = name.match(/^(.+?)\s*(?:,|\||–|—|\s-)\s*(.+)$/);
  if (withRole && ROLE_WORD.test(withRole[2]) && withRole[2].split(/\s+/).length <= 6) return withRole[1].trim();
  return name;
}

/** The author's name when the line is a byline, with or without "By" and a role or beat after the name. */
function looksLikeByline(text: string): string | null {
  const stripped = bylineName(text);
  const words = stripped.split(/\s+/);
  if (words.length < 2 || words.length > 5 || /[|/:;!?]/.test(stripped)) return null;
  if (!words.every((word) => NAME_WORD.test(word))) return null;
  if (/^by\s+/i.test(text) || words.length <= 4 || stripped !== text.trim()) return stripped;
  return null;
}

/** A pull quote repeats a sentence of the body, often trimmed or reworded; it must not appear twice. */
function isRepeated(line: Line, body: Line[]) {
  const bigrams = (text: string) => {
    const words = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
    return words.slice(1).map((word, index) => `${words[index]} ${word}`);
  };
  const quote = bigrams(line.text);
  if (quote.length < 3) return false;
  return body.some((other) => {
    if (other === line || other.words < line.words * 1.5) return false;
    const paragraph = new Set(bigrams(other.text));
    return quote.filter((bigram) => paragraph.has(bigram)).length / quote.length >= 0.7;
  });
}

/**
 * A teaser of another story (a headline, a credit, a paragraph or two, then "keep reading") can sit
 * right after the article and join its run. Cut such a short tail off when an end marker closes it.
 */
function dropTrailingTeaser(lines: Line[], [first, last]: [number, number]): [number, number] {
  const closedByEndMarker = lines.slice(last + 1, last + 3).some((line) => line.kind === "end");
  if (!closedByEndMarker) return [first, last];
  let tailProse = 0;
  for (let index = last; index > first; index--) {
    if (lines[index].kind === "prose") {
      tailProse++;
      if (tailProse > 3) break;
      continue;
    }
    let gapStart = index;
    while (gapStart > first && lines[gapStart - 1].kind !== "prose") gapStart--;
    // A teaser's gap is its headline and credit; a newsletter prompt or a one-line paragraph of the
    // article ("That is too early.") is no sign of another story.
    const separators = lines.slice(gapStart, index + 1).filter((line) => line.kind !== "prompt" && !isShortParagraph(line)).length;
    if (separators >= 2) return [first, gapStart - 1];
    index = gapStart;
  }
  return [first, last];
}

export class ExtractionError extends AppError {
  override name = "ExtractionError";
}

// Loaded on first use: linkedom alone takes about a third of a second to load, which every plain-text
// import (and every `npm run ingest`) would otherwise pay.
let tools: { parseHTML: typeof import("linkedom").parseHTML; Readability: typeof import("@mozilla/readability").Readability } | undefined;

function htmlTools() {
  if (!tools) {
    const require = createRequire(import.meta.url);
    tools = { parseHTML: require("linkedom").parseHTML, Readability: require("@mozilla/readability").Readability };
  }
  return tools;
}

/**
 * Readability assumes a sane tree; hostile markup (stray </body>, <frameset>, half tags) can leave it
 * walking off the document and throwing. The page's own blocks are then the fallback: every
 * extraction rule below still applies to them.
 */
function readableArticle(Readability: typeof import("@mozilla/readability").Readability, document: unknown) {
  try {
    return new Readability(document as Document, { charThreshold: 200 }).parse();
  } catch {
    return null;
  }
}

/**
 * HTML pages: Mozilla's Readability (the engine of Firefox's Reader View) finds the article element;
 * its blocks then go through the same line rules as text, which also drop what Readability keeps
 * (newsletter boxes, captions inside the article).
 */
export function extractHtmlArticle(html: string, sourceUrl: string | null = null): ExtractedArticle {
  const { parseHTML, Readability } = htmlTools();
  const { document } = parseHTML(html);
  // Before Readability, which rewrites the document it reads.
  const originalText = document.body?.textContent ?? "";
  const readable = readableArticle(Readability, document);
  const container = readable?.content ? parseHTML(`<html><body>${readable.content}</body></html>`).document.body : document.body;
  const lines: string[] = [];
  const headings: string[] = [];
  for (const element of container?.querySelectorAll("h1,h2,h3,h4,h5,h6,p,li,blockquote,pre") ?? []) {
    if (element.querySelector("p,li,blockquote")) continue; // its children are listed themselves
    if (element.closest("figure")) continue; // captions and credits are never article text
    const text = (element.textContent ?? "").replace(/\s+/g, " ").trim();
    if (!text) continue;
    lines.push(text);
    if (/^H\d$/i.test(element.tagName)) headings.push(text);
  }
  const pageTitle = readable?.title?.trim() || document.querySelector("title")?.textContent?.trim() || "";
  // Page titles often carry the site's name ("Headline | The Daily"); the article's own heading does not.
  const firstWords = (text: string) => text.toLowerCase().split(/\s+/).slice(0, 3).join(" ");
  const title = headings.find((heading) => firstWords(heading) === firstWords(pageTitle)) ?? pageTitle.split(/\s[|–—-]\s/)[0].trim();
  const body = lines.filter((line) => line !== title);
  const extracted = extractArticle([title, readable?.byline ? `By ${readable.byline}` : "", ...body].join("\n"), sourceUrl);
  const published = readable?.publishedTime ? new Date(readable.publishedTime) : null;
  const declaredLanguage = readable?.lang?.trim() || document.documentElement?.getAttribute("lang")?.trim() || null;
  return {
    ...extracted,
    originalText,
    title: title || extracted.title,
    byline: (readable?.byline && bylineName(readable.byline)) || extracted.byline,
    metadata: {
      sourceUrl,
      siteName: readable?.siteName?.trim() || extracted.metadata.siteName,
      publishedAt: published && !Number.isNaN(published.getTime()) ? published : extracted.metadata.publishedAt,
      language: declaredLanguage && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(declaredLanguage) ? declaredLanguage : extracted.metadata.language,
    },
  };
}

export function looksLikeHtml(input: string) {
  return /^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])/i.test(input);
}

/**
 * A standfirst (the summary under a headline) is prose, so the article's run can start there, with the
 * byline and date lines inside it. When a byline or date line sits among the run's first lines, before
 * its third paragraph (headline and standfirst may both read as prose), the body starts after it.
 */
function afterHeader(lines: Line[], first: number, last: number) {
  let prose = 0;
  let bodyStart = first;
  for (let index = first; index <= last && prose <= 2; index++) {
    const line = lines[index];
    if (line.kind === "prose") prose++;
    else if (looksLikeByline(line.text) || (dateIn(line.text) && line.words <= 16)) bodyStart = index + 1;
  }
  return bodyStart;
}

/**
 * A sentence too short to be counted as prose ("That is too early.") inside the article's run, after
 * its first paragraph, is a paragraph of its own: op-eds set their verdicts apart. (The run always ends
 * on prose, so such a line stands between paragraphs; headings, prompts and captions are classed apart.)
 */
function isShortParagraph(line: Line) {
  return line.kind === "other" && line.words >= 2 && SENTENCE_END.test(line.text) && /^[\p{Lu}\p{N}“"']/u.test(line.text) && /\p{Ll}/u.test(line.text);
}

/** "Miriam Okafor writes about work." closing an article is the author's note, not the article. */
function dropAuthorNote(blocks: ExtractedBlock[], byline: string | null) {
  const last = blocks.at(-1);
  if (byline && last?.kind === "paragraph" && last.text.startsWith(byline) && wordCount(last.text) <= 30 && blocks.length > 1) blocks.pop();
}

export function extractArticle(raw: string, sourceUrl: string | null = null): ExtractedArticle {
  const lines: Line[] = normalise(raw).map((text) => ({ text, words: wordCount(text), kind: classify(text) }));
  const run = mainRun(lines);
  if (!run) throw new ExtractionError("invalid_request", "No article text found: the input has no paragraphs of prose.");
  const [runFirst, last] = dropTrailingTeaser(lines, run);
  const first = afterHeader(lines, runFirst, last);

  const inside = lines.slice(first, last + 1);
  const blocks: ExtractedBlock[] = [];
  for (const line of inside) {
    if (line.kind === "prose" && !isRepeated(line, inside)) blocks.push({ kind: "paragraph", text: line.text });
    else if (isShortParagraph(line) && blocks.length > 0) blocks.push({ kind: "paragraph", text: line.text });
    else if (line.kind === "heading" && blocks.length > 0 && !looksLikeByline(line.text)) {
      blocks.push({ kind: "heading", text: line.text });
    }
  }
  // A heading with no paragraph after it belongs to whatever comes next on the page, not the article.
  while (blocks.at(-1)?.kind === "heading") blocks.pop();

  // Title and byline sit above the body. Reading upwards: a short run of capitalised name words is
  // the byline; a prose line is the standfirst, and the title is the first headline-like line above it;
  // without a standfirst, the nearest headline-like line is the title.
  let title: string | null = null;
  let nearestHeadline: string | null = null;
  let byline: string | null = null;
  let standfirstSeen = false;
  let publishedAt: Date | null = null;
  for (let index = first - 1; index >= 0 && first - index <= 15; index--) {
    const line = lines[index];
    if (line.kind === "end") break;
    const dated = dateIn(line.text);
    if (dated && line.words <= 16) {
      // A later "Published" line wins over an "Updated" one above it; otherwise the nearest date.
      if (!publishedAt || /\bpublished\b/i.test(line.text)) publishedAt = dated.date;
      const name = dated.rest && looksLikeByline(dated.rest);
      if (name && !byline && !standfirstSeen) byline = name;
      continue;
    }
    // Before the section-label test: "Sam Ortiz | Transport reporter" is laid out like a breadcrumb.
    const name = looksLikeByline(line.text);
    if (name && !byline && !standfirstSeen) {
      byline = name;
      continue;
    }
    if (looksLikeSectionLabel(line.text)) continue;
    if (line.kind === "prose") {
      // A short "prose" line above the standfirst is a headline written as sentences ("It is overdue.").
      if (standfirstSeen && line.words <= 14 && !looksLikeSectionLabel(line.text)) {
        title = line.text;
        break;
      }
      standfirstSeen = true;
      nearestHeadline = null;
      continue;
    }
    // Headlines may ask or exclaim, but do not end with a full stop.
    const headlineLike = (line.kind === "heading" || line.kind === "other") && line.words >= 2 && line.words <= 25 && !/[.…]["”’')\]]*$/.test(line.text);
    if (!headlineLike) continue;
    if (standfirstSeen) {
      title = line.text;
      break;
    }
    nearestHeadline ??= line.text;
  }
  title ??= nearestHeadline;
  dropAuthorNote(blocks, byline);
  title ??= blocks[0].text.split(/(?<=[.!?])\s/)[0].slice(0, 120);
  const siteName = lines.map((line) => siteNameIn(line.text)).find(Boolean) ?? hostOf(sourceUrl);
  const language = guessLanguage(
    blocks
      .filter((block) => block.kind === "paragraph")
      .map((block) => block.text)
      .join(" "),
  );
  return { title, byline, blocks, metadata: { sourceUrl, siteName, publishedAt, language }, originalText: raw };
}
