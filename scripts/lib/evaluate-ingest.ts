// Measures the ingest pipeline against labelled data; shared by `npm run eval:ingest` and the tests.
import fs from "node:fs";
import path from "node:path";
import { claimScore } from "@/lib/ingest/detect";
import { splitSentences } from "@/lib/ingest/segment";
import { prepareArticle } from "@/lib/ingest";
import { macroF1, readNewsSd } from "./claim-data";

const DATASETS = path.resolve("content", "datasets");

export function goldenRules() {
  const rules = JSON.parse(fs.readFileSync(path.join(DATASETS, "golden-rules", "english.json"), "utf8")) as { input: string; expected: string[] }[];
  const failures = rules.filter((rule) => JSON.stringify(splitSentences(rule.input)) !== JSON.stringify(rule.expected));
  return { passed: rules.length - failures.length, total: rules.length, failures };
}

export function newsSdTestF1() {
  const test = readNewsSd("test");
  return macroF1(test.map((example) => example.claim), test.map((example) => claimScore(example.sentence) >= 0.5));
}

interface SeedLabels {
  title: string;
  byline: string | null;
  paragraphs: number;
  firstParagraph: string;
  lastParagraph: string;
  headings: string[];
  neverInBody: string[];
  claims: string[];
  thesis: string[];
}

export function seedResults() {
  const labels = JSON.parse(fs.readFileSync(path.join(DATASETS, "seed-labels.json"), "utf8")) as Record<string, SeedLabels | string>;
  return Object.entries(labels)
    .filter((entry): entry is [string, SeedLabels] => typeof entry[1] !== "string")
    .map(([file, label]) => {
      const prepared = prepareArticle(fs.readFileSync(path.join("content", "seeds", file), "utf8"));
      const paragraphs = prepared.blocks.filter((block) => block.kind === "paragraph").map((block) => prepared.body.slice(block.start, block.end));
      const headings = prepared.blocks.filter((block) => block.kind === "heading").map((block) => prepared.body.slice(block.start, block.end));
      const sentences = prepared.sentences.map((sentence) => prepared.body.slice(sentence.start, sentence.end));
      const claimTexts = prepared.claims.map((claim) => claim.text);
      const isLabelledClaim = (sentence: string) => label.claims.some((opening) => sentence.startsWith(opening));
      const truePositives = claimTexts.filter(isLabelledClaim).length;
      const precision = claimTexts.length ? truePositives / claimTexts.length : 0;
      const recall = truePositives / label.claims.length;
      const leaked = label.neverInBody.filter((phrase) =>
        [prepared.body, prepared.title, prepared.byline ?? "", ...claimTexts].some((text) => text.toLowerCase().includes(phrase.toLowerCase())),
      );
      return {
        file,
        titleCorrect: prepared.title === label.title,
        bylineCorrect: prepared.byline === label.byline,
        paragraphsKept: paragraphs.length === label.paragraphs && paragraphs[0]?.startsWith(label.firstParagraph) && paragraphs.at(-1)?.startsWith(label.lastParagraph),
        paragraphs: paragraphs.length,
        expectedParagraphs: label.paragraphs,
        headingsCorrect: JSON.stringify(headings) === JSON.stringify(label.headings),
        leaked,
        sentences: sentences.length,
        claims: claimTexts.length,
        claimsAreMinority: claimTexts.length * 2 < sentences.length,
        precision,
        recall,
        f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
        thesisFound: label.thesis.filter((opening) => claimTexts.some((claim) => claim.startsWith(opening))),
        thesisExpected: label.thesis,
      };
    });
}
