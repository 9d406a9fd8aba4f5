// The ingest pipeline: raw page text or HTML in, a stored-ready article with its claims out.
// Pure (no database, no network), so every stage is testable alone:
//   extract (extract.ts) -> segment (segment.ts) -> detect (detect.ts) -> anchor (anchor.ts).
// Every caller (the demo seeding, `npm run ingest`, the editor's "New article" page) goes through
// `prepareArticle`.
import { createHash } from "node:crypto";
import { UserFacingError } from "@/lib/errors";
import { anchorSpan, type Anchor } from "./anchor";
import { claimScore, claimThreshold } from "./detect";
import { extractArticle, extractHtmlArticle, looksLikeHtml, type BlockKind } from "./extract";
import { segmentSentences } from "./segment";

export { ExtractionError } from "./extract";

export interface BodyBlock {
  kind: BlockKind;
  /** Character offsets into `body`: body.slice(start, end) is the block's text. */
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** How arguable the sentence is, in [0, 1]. */
  score: number;
}

export interface ProposedClaim extends Anchor {
  text: string;
  start: number;
  end: number;
  score: number;
}

export interface PreparedArticle {
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
}

export class InputError extends UserFacingError {
  override name = "InputError";
}

const BLOCK_SEPARATOR = "\n\n";
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** Refuses input that is not text before any stage sees it. */
export function checkInput(raw: string) {
  if (Buffer.byteLength(raw, "utf8") > MAX_INPUT_BYTES) {
    throw new InputError(`The input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB.`);
  }
  if (!raw.trim()) throw new InputError("The input is empty.");
  // NUL bytes or many replacement characters mean binary data or a wrong encoding.
  const replacement = (raw.match(/\uFFFD/g) ?? []).length;
  if (raw.includes("\u0000") || replacement > Math.max(3, raw.length / 1000)) {
    throw new InputError("The input is not UTF-8 text (binary data or another encoding).");
  }
}

export type IngestStage = "extracting" | "detecting";

export interface IngestProgress {
  stage: IngestStage;
  done: number;
  total: number;
}

interface PrepareOptions {
  threshold?: number;
}

/** The pipeline as steps: yields progress between paragraphs and returns the prepared article. */
function* pipeline(raw: string, { threshold = claimThreshold() }: PrepareOptions): Generator<IngestProgress, PreparedArticle> {
  checkInput(raw);
  yield { stage: "extracting", done: 0, total: 1 };
  const extracted = looksLikeHtml(raw) ? extractHtmlArticle(raw) : extractArticle(raw);
  const paragraphs = extracted.blocks.filter((block) => block.kind === "paragraph").length;
  const blocks: BodyBlock[] = [];
  const sentences: Sentence[] = [];
  let body = "";
  let done = 0;
  for (const block of extracted.blocks) {
    if (body) body += BLOCK_SEPARATOR;
    const start = body.length;
    blocks.push({ kind: block.kind, start, end: start + block.text.length });
    body += block.text;
    if (block.kind !== "paragraph") continue;
    for (const span of segmentSentences(block.text)) {
      const text = block.text.slice(span.start, span.end);
      sentences.push({ start: start + span.start, end: start + span.end, score: claimScore(text) });
    }
    yield { stage: "detecting", done: ++done, total: paragraphs };
  }
  const claims = sentences
    .filter((sentence) => sentence.score >= threshold)
    .map((sentence) => ({
      text: body.slice(sentence.start, sentence.end),
      start: sentence.start,
      end: sentence.end,
      score: sentence.score,
      ...anchorSpan(body, sentence.start, sentence.end),
    }));
  return {
    title: extracted.title,
    byline: extracted.byline,
    body,
    blocks,
    sentences,
    claims,
    sourceHash: createHash("sha256").update(raw).digest("hex"),
  };
}

export function prepareArticle(raw: string, options: PrepareOptions = {}): PreparedArticle {
  const steps = pipeline(raw, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same pipeline, yielding to the event loop between paragraphs so progress can be reported. */
export async function prepareArticleWithProgress(
  raw: string,
  onProgress: (progress: IngestProgress) => void | Promise<void>,
  options: PrepareOptions = {},
): Promise<PreparedArticle> {
  const steps = pipeline(raw, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await onProgress(step.value);
    await new Promise((resolve) => setImmediate(resolve));
  }
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
