// Measures the ingest pipeline against labelled data; shared by `npm run eval:ingest` and the tests.
import fs from "node:fs";
import path from "node:path";
import { splitSentences } from "@/lib/ingest/segment";
import { prepareArticle } from "@/lib/ingest";
import { claimLogit } from "@/lib/ingest/detect";
import { embedSentences } from "@/lib/ingest/encoder";
import { macroF1, readNewsSd } from "./claim-data";

const DATASETS = path.resolve("content", "datasets");

export function goldenRules() {
  const rules = JSON.parse(fs.readFileSync(path.join(DATASETS, "golden-rules", "english.json"), "utf8")) as { input: string; expected: string[] }[];
  const failures = rules.filter((rule) => JSON.stringify(splitSentences(rule.input)) !== JSON.stringify(rule.expected));
  return { passed: rules.length - failures.length, total: rules.length, failures };
}

export async function newsSdTestF1() {
  const test = readNewsSd("test");
  const embeddings = await embedSentences(test.map((example) => example.sentence));
  return macroF1(
    test.map((example) => example.claim),
    test.map((example, i) => claimLogit(example.sentence, embeddings[i]) >= 0),
  );
}

/** Article kinds, and the most of an article's sentences that may be claims for each (issue 15). */
export const CLAIM_SHARE_LIMIT: Record<string, number> = { "op-ed": 0.6, news: 0.25 };
export const TARGETS = { recall: 0.85, precision: 0.7, newsSdF1: 0.77, goldenRules: 48 } as const;

interface ArticleLabels {
  file: string;
  kind: string;
  title: string;
  byline: string | null;
  /** YYYY-MM-DD, or null when the page states none. */
  date: string | null;
  claims: string[];
  neverClaims: string[];
  neverInBody: string[];
  /** The seeds also pin their paragraphs, headings and thesis. */
  paragraphs?: number;
  firstParagraph?: string;
  lastParagraph?: string;
  headings?: string[];
  thesis?: string[];
}

/** The two demo seeds and the labelled articles of content/datasets/arguably-claims. */
export function labelledArticles(): (ArticleLabels & { path: string })[] {
  const seeds = JSON.parse(fs.readFileSync(path.join(DATASETS, "seed-labels.json"), "utf8")) as Record<string, Omit<ArticleLabels, "file"> | string>;
  const own = JSON.parse(fs.readFileSync(path.join(DATASETS, "arguably-claims", "articles.json"), "utf8")) as { articles: ArticleLabels[] };
  return [
    ...Object.entries(seeds)
      .filter((entry): entry is [string, Omit<ArticleLabels, "file">] => typeof entry[1] !== "string")
      .map(([file, label]) => ({ ...label, file, path: path.join("content", "seeds", file) })),
    ...own.articles.map((label) => ({ ...label, path: path.join(DATASETS, "arguably-claims", "articles", label.file) })),
  ];
}

const startsWithAny = (openings: string[]) => (sentence: string) => openings.some((opening) => sentence.startsWith(opening));

export async function articleResults() {
  const results = [];
  for (const label of labelledArticles()) {
    const prepared = await prepareArticle(fs.readFileSync(label.path, "utf8"));
    const paragraphs = prepared.blocks.filter((block) => block.kind === "paragraph").map((block) => prepared.body.slice(block.start, block.end));
    const headings = prepared.blocks.filter((block) => block.kind === "heading").map((block) => prepared.body.slice(block.start, block.end));
    const sentences = prepared.sentences.map((sentence) => prepared.body.slice(sentence.start, sentence.end));
    const claimTexts = prepared.claims.map((claim) => claim.text);
    const truePositives = claimTexts.filter(startsWithAny(label.claims)).length;
    const leaked = label.neverInBody.filter((phrase) =>
      [prepared.body, prepared.title, prepared.byline ?? "", ...claimTexts].some((text) => text.toLowerCase().includes(phrase.toLowerCase())),
    );
    const share = sentences.length ? claimTexts.length / sentences.length : 0;
    const publishedDay = prepared.publishedAt?.toISOString().slice(0, 10) ?? null;
    results.push({
      file: label.file,
      kind: label.kind,
      title: { expected: label.title, found: prepared.title, correct: prepared.title === label.title },
      byline: { expected: label.byline, found: prepared.byline, correct: prepared.byline === label.byline },
      date: { expected: label.date, found: publishedDay, correct: publishedDay === label.date },
      paragraphsKept:
        label.paragraphs === undefined ||
        (paragraphs.length === label.paragraphs && paragraphs[0]?.startsWith(label.firstParagraph!) && paragraphs.at(-1)?.startsWith(label.lastParagraph!)),
      headingsCorrect: label.headings === undefined || JSON.stringify(headings) === JSON.stringify(label.headings),
      leaked,
      sentences: sentences.length,
      claims: claimTexts.length,
      labelledClaims: label.claims.length,
      truePositives,
      share,
      shareLimit: CLAIM_SHARE_LIMIT[label.kind] ?? null,
      neverClaimsMarked: claimTexts.filter(startsWithAny(label.neverClaims)),
      missed: label.claims.filter((opening) => !claimTexts.some((claim) => claim.startsWith(opening))),
      extra: claimTexts.filter((claim) => !startsWithAny(label.claims)(claim)),
      precision: claimTexts.length ? truePositives / claimTexts.length : label.claims.length ? 0 : 1,
      recall: label.claims.length ? truePositives / label.claims.length : 1,
      thesisFound: (label.thesis ?? []).filter((opening) => claimTexts.some((claim) => claim.startsWith(opening))).length,
      thesisExpected: (label.thesis ?? []).length,
    });
  }
  return results;
}

/** Pooled over every labelled article. */
export function overall(results: Awaited<ReturnType<typeof articleResults>>) {
  const marked = results.reduce((sum, result) => sum + result.claims, 0);
  const truePositives = results.reduce((sum, result) => sum + result.truePositives, 0);
  const labelled = results.reduce((sum, result) => sum + result.labelledClaims, 0);
  return { precision: marked ? truePositives / marked : 0, recall: labelled ? truePositives / labelled : 0, marked, truePositives, labelled };
}
