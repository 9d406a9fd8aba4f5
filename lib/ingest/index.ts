// The ingest pipeline: raw page text in, a stored-ready article out. Pure (no database, no network),
// so every stage is testable alone. Stages: extract (this issue), then segment, detect and anchor
// (claim splitting) plug in here, and every caller (seeding, the CLI, the editor's page) goes through
// `prepareArticle`.
import { createHash } from "node:crypto";
import { extractArticle, type BlockKind } from "./extract";

export { ExtractionError } from "./extract";

export interface BodyBlock {
  kind: BlockKind;
  /** Character offsets into `body`: body.slice(start, end) is the block's text. */
  start: number;
  end: number;
}

export interface PreparedArticle {
  title: string;
  byline: string | null;
  body: string;
  blocks: BodyBlock[];
  /** sha256 of the raw input, which makes imports idempotent. */
  sourceHash: string;
}

const BLOCK_SEPARATOR = "\n\n";

export function prepareArticle(raw: string): PreparedArticle {
  const extracted = extractArticle(raw);
  const blocks: BodyBlock[] = [];
  let body = "";
  for (const block of extracted.blocks) {
    if (body) body += BLOCK_SEPARATOR;
    blocks.push({ kind: block.kind, start: body.length, end: body.length + block.text.length });
    body += block.text;
  }
  return {
    title: extracted.title,
    byline: extracted.byline,
    body,
    blocks,
    sourceHash: createHash("sha256").update(raw).digest("hex"),
  };
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
