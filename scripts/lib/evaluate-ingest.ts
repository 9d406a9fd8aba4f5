// Measures the ingest pipeline against labelled data; shared by `npm run eval:ingest` and the tests.
import fs from "node:fs";
import path from "node:path";
import { splitSentences } from "@/lib/ingest/segment";
import { prepareArticle } from "@/lib/ingest";
import { claimLogit, scoreSentence, SHIPPED_DETECTOR, type Detector, type EncoderLayer } from "@/lib/ingest/detect";
import { readSentences } from "@/lib/ingest/encoder";
import { isFurniture, isNeverClaim, type ScoredSentence } from "@/lib/ingest/select";
import { macroF1, readCdcp, readNewsSd, type Labelled } from "./claim-data";
import baselineLayer from "./claim-detector-2026-12-06.json";
import { labelledArticles } from "./labelled-articles";

const DATASETS = path.resolve("content", "datasets");

export function goldenRules() {
  const rules = JSON.parse(fs.readFileSync(path.join(DATASETS, "golden-rules", "english.json"), "utf8")) as { input: string; expected: string[] }[];
  const failures = rules.filter((rule) => JSON.stringify(splitSentences(rule.input)) !== JSON.stringify(rule.expected));
  return { passed: rules.length - failures.length, total: rules.length, failures };
}

/** A detector and the rule for sentences that may never be claims: what prepareArticle runs with. */
export interface Pipeline {
  detector?: Detector;
  neverClaim?: (sentence: ScoredSentence) => boolean;
}

/**
 * The detector as it was before issue 30, for side-by-side figures: the encoder layer trained on
 * NewsSD-ENG and our sentences (it alone counted), and fragments as sentences under six words.
 */
export const BASELINE: Pipeline & { name: string } = {
  name: "2026-12-06 (NewsSD-ENG)",
  detector: { model: SHIPPED_DETECTOR.model, layer: baselineLayer as EncoderLayer },
  neverClaim: ({ text }) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length < 6 || isFurniture(text),
};

async function testF1(test: Labelled[], detector: Detector = SHIPPED_DETECTOR) {
  const readings = await readSentences(test.map((example) => example.sentence));
  return macroF1(
    test.map((example) => example.claim),
    test.map((example, i) => claimLogit(example.sentence, readings[i], detector) >= 0),
  );
}

export const newsSdTestF1 = (detector?: Detector) => testF1(readNewsSd("test"), detector);
/** CDCP's official test split (150 documents none of which is trained on), macro-F1 over its sentences. */
export const cdcpTestF1 = (detector?: Detector) => testF1(readCdcp("test"), detector);

/** Article kinds, and the most of an article's sentences that may be claims for each (issue 15). */
export const CLAIM_SHARE_LIMIT: Record<string, number> = { "op-ed": 0.6, news: 0.25 };
export const TARGETS = { recall: 0.85, precision: 0.75, newsSdF1: 0.77, goldenRules: 48 } as const;

const startsWithAny = (openings: string[]) => (sentence: string) => openings.some((opening) => sentence.startsWith(opening));

/** Every labelled article's figures; `heldOut` picks the held-out ones (true) or the others (false). */
export async function articleResults({ heldOut, ...pipeline }: Pipeline & { heldOut?: boolean } = {}) {
  const results = [];
  for (const label of labelledArticles().filter((article) => heldOut === undefined || Boolean(article.heldOut) === heldOut)) {
    const prepared = await prepareArticle(fs.readFileSync(label.path, "utf8"), pipeline);
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
      heldOut: Boolean(label.heldOut),
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

/**
 * How each pipeline does on the site's last `count` decisions made after the shipped detector's training
 * (all of them when it never trained on the site): the drift an operator watches. Null without a database.
 */
export async function siteDrift(pipelines: Pipeline[], count: number) {
  // Loaded here only: it brings the database, which the rest of the evaluation does without.
  const { readRecentSiteLabels } = await import("./site-labels");
  const since = SHIPPED_DETECTOR.model.training?.siteLabelsThrough ?? null;
  const labels = await readRecentSiteLabels(since ? new Date(since) : null, count);
  if (!labels) return null;
  const readings = labels.length ? await readSentences(labels.map((label) => label.sentence)) : [];
  const scores = pipelines.map(({ detector = SHIPPED_DETECTOR, neverClaim = isNeverClaim }) => {
    const predicted = labels.map((label, i) => {
      const scored = { text: label.sentence, opensParagraph: false, ...scoreSentence(label.sentence, readings[i], detector) };
      return scored.logit >= 0 && !neverClaim(scored);
    });
    const truePositives = labels.filter((label, i) => label.claim && predicted[i]).length;
    const marked = predicted.filter(Boolean).length;
    const claims = labels.filter((label) => label.claim).length;
    return {
      agreement: labels.filter((label, i) => label.claim === predicted[i]).length / Math.max(1, labels.length),
      precision: marked ? truePositives / marked : 0,
      recall: claims ? truePositives / claims : 0,
    };
  });
  const byDecision: Record<string, number> = {};
  for (const label of labels) byDecision[label.decision] = (byDecision[label.decision] ?? 0) + 1;
  return { count: labels.length, claims: labels.filter((label) => label.claim).length, since, scores, byDecision };
}
