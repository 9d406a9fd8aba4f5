// The ingest pipeline: raw page text or HTML in, a stored-ready article with its claims out.
// No database and no network, so every stage is testable alone:
//   extract (extract.ts) -> segment (segment.ts) -> detect (detect.ts, with each sentence's embedding
//   and part-of-speech view from encoder.ts's worker thread) -> select (select.ts) -> anchor (anchor.ts).
// Every caller (the demo seeding, `npm run ingest`, the editor's "New article" page, the eval) goes
// through `prepareArticle`.
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { anchorSpan, type Anchor } from "./anchor";
import { scoreSentence, SHIPPED_DETECTOR, type Detector } from "./detect";
import { readSentences } from "./encoder";
import { extractArticle, extractHtmlArticle, looksLikeHtml, type ArticleMetadata, type BlockKind } from "./extract";
import { segmentSentences } from "./segment";
import { isNeverClaim, selectClaims, selectionProbability, type ScoredSentence } from "./select";

export { ExtractionError } from "./extract";
export type { ArticleMetadata } from "./extract";

export interface BodyBlock {
  kind: BlockKind;
  /** Character offsets into `body`: body.slice(start, end) is the block's text. */
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** How arguable the sentence is, in [0, 1] (with its place in the paragraph counted). */
  score: number;
}

export interface ProposedClaim extends Anchor {
  text: string;
  start: number;
  end: number;
  score: number;
}

export interface PreparedArticle extends ArticleMetadata {
  title: string;
  byline: string | null;
  body: string;
  blocks: BodyBlock[];
  /** Every sentence of every paragraph (headings are never claims). */
  sentences: Sentence[];
  /** The sentences proposed as claims, anchored into `body`. */
  claims: ProposedClaim[];
  /** sha256 of the raw input, which makes imports idempotent. */
  sourceHash: string;
  /** The original's text, for Web Annotations that point into it (lib/exchange/original-text.ts). */
  originalText: string;
}

export class InputError extends AppError {
  override name = "InputError";
}

const BLOCK_SEPARATOR = "\n\n";
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;
/** Sentences sent to the encoder at once: large enough to batch well, small enough for steady progress. */
const ENCODER_BATCH = 48;
/** The encoder reads at most this much of a sentence: longer ones are run-ons or junk, never claims a reader could quote. */
const ENCODED_CHARACTERS = 2_000;

/** Refuses input that is not text before any stage sees it. */
export function checkInput(raw: string) {
  if (Buffer.byteLength(raw, "utf8") > MAX_INPUT_BYTES) {
    throw new InputError("invalid_request", `The input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB.`);
  }
  if (!raw.trim()) throw new InputError("invalid_request", "The input is empty.");
  // NUL bytes or many replacement characters mean binary data or a wrong encoding.
  const replacement = (raw.match(/\uFFFD/g) ?? []).length;
  if (raw.includes("\u0000") || replacement > Math.max(3, raw.length / 1000)) {
    throw new InputError("invalid_request", "The input is not UTF-8 text (binary data or another encoding).");
  }
}

export type IngestStage = "extracting" | "detecting";

export interface IngestProgress {
  stage: IngestStage;
  done: number;
  total: number;
}

export interface PrepareOptions {
  /** Called between steps (after extraction, then after every batch of sentences). */
  onProgress?: (progress: IngestProgress) => void | Promise<void>;
  /** Where the input was fetched from, when it was; completes the page's own metadata. */
  sourceUrl?: string | null;
  /** Candidate models to score with instead of the shipped ones (evaluation and training only). */
  detector?: Detector;
  /** Which sentences may never be claims (evaluation of an earlier rule only). */
  neverClaim?: (sentence: ScoredSentence) => boolean;
}

interface SentenceSpan {
  start: number;
  end: number;
  text: string;
  opensParagraph: boolean;
}

/** Raw input -> the article's metadata, its body and the spans of its sentences. Synchronous and pure. */
function extractAndSegment(raw: string, sourceUrl: string | null) {
  checkInput(raw);
  const extracted = looksLikeHtml(raw) ? extractHtmlArticle(raw, sourceUrl) : extractArticle(raw, sourceUrl);
  const blocks: BodyBlock[] = [];
  const sentences: SentenceSpan[] = [];
  let body = "";
  for (const block of extracted.blocks) {
    if (body) body += BLOCK_SEPARATOR;
    const start = body.length;
    blocks.push({ kind: block.kind, start, end: start + block.text.length });
    body += block.text;
    if (block.kind !== "paragraph") continue;
    segmentSentences(block.text).forEach((span, index) => {
      sentences.push({ start: start + span.start, end: start + span.end, text: block.text.slice(span.start, span.end), opensParagraph: index === 0 });
    });
  }
  return { extracted, body, blocks, sentences };
}

/** The whole pipeline. Detection runs on the encoder's thread, so the caller's event loop stays free. */
export async function prepareArticle(
  raw: string,
  { onProgress, sourceUrl = null, detector = SHIPPED_DETECTOR, neverClaim = isNeverClaim }: PrepareOptions = {},
): Promise<PreparedArticle> {
  await onProgress?.({ stage: "extracting", done: 0, total: 1 });
  const { extracted, body, blocks, sentences } = extractAndSegment(raw, sourceUrl);
  const detected: ReturnType<typeof scoreSentence>[] = [];
  for (let first = 0; first < sentences.length; first += ENCODER_BATCH) {
    const batch = sentences.slice(first, first + ENCODER_BATCH);
    const readings = await readSentences(batch.map((sentence) => sentence.text.slice(0, ENCODED_CHARACTERS)));
    batch.forEach((sentence, i) => detected.push(scoreSentence(sentence.text, readings[i], detector)));
    await onProgress?.({ stage: "detecting", done: first + batch.length, total: sentences.length });
  }
  const scored = sentences.map((sentence, i) => {
    const withLogit = { ...sentence, ...detected[i] };
    return { ...withLogit, score: selectionProbability(withLogit) };
  });
  const chosen = selectClaims(scored, neverClaim);
  const claims = scored
    .filter((_, i) => chosen[i])
    .map((sentence) => ({
      text: sentence.text,
      start: sentence.start,
      end: sentence.end,
      score: sentence.score,
      ...anchorSpan(body, sentence.start, sentence.end),
    }));
  return {
    ...extracted.metadata,
    title: extracted.title,
    byline: extracted.byline,
    body,
    blocks,
    sentences: scored.map(({ start, end, score }) => ({ start, end, score })),
    claims,
    sourceHash: createHash("sha256").update(raw).digest("hex"),
    originalText: extracted.originalText,
  };
}

/** Extraction and segmentation only, for callers that need the body but no claims (and tests of it). */
export function extractBody(raw: string, sourceUrl: string | null = null) {
  const { extracted, body, blocks, sentences } = extractAndSegment(raw, sourceUrl);
  return { ...extracted.metadata, title: extracted.title, byline: extracted.byline, body, blocks, sentences };
}

/** URL-safe slug from a title: "Why The U.S. May…" -> "why-the-us-may". */
export function slugify(title: string, maxLength = 80): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’.]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
  return slug || "article";
}
