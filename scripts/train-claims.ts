// npm run train:claims [-- --site] — trains the claim detector's two logistic models and writes
// lib/ingest/claim-model.json (words, cues and structure) and lib/ingest/claim-encoder-layer.json (a
// layer over the sentence embedding and its structure). Deterministic: the same data gives the same
// weights, byte for byte (no randomness; embeddings are rounded before training).
//
// What it learns is arguability: a sentence that puts forward a policy or a value judgement (decision
// 005). Data, each source class-balanced within itself:
// - CDCP train (argumentative comments typed policy/value/fact/testimony by trained annotators; a
//   sentence whose only arguable content is a fact counts half a claim, scripts/lib/claim-data.ts);
// - NewsSD-ENG train + val (news sentences, subjective or objective);
// - Arguably's own labelled sentences (content/datasets/arguably-claims/labelled.jsonl);
// - with --site, the site's editors' decisions on detected claims and accepted readers' claims
//   (lib/ingest/claim-labels.ts), weighted by how telling each decision is, deduplicated by sentence
//   (the latest decision wins), without any sentence of a labelled article.
// Hyperparameters are chosen by 5-fold cross-validation (folds by document) on NewsSD-ENG and CDCP
// together; their test splits and the labelled articles only report. The articles are never trained on.
import fs from "node:fs";
import { mixLogits, type Detector } from "@/lib/ingest/detect";
import { stopEncoder } from "@/lib/ingest/encoder";
import { readCdcp, readNewsSd, readOwnLabels, SOURCES, type Labelled, type Source } from "./lib/claim-data";
import { articleResults, overall } from "./lib/evaluate-ingest";
import {
  crossValidatedF1,
  detectorLogits,
  f1Of,
  fitLayer,
  layerLogits,
  lexicalLogits,
  outOfFold,
  prepareRows,
  trainDetector,
  trainLexical,
  type Hyperparameters,
  type Row,
  type Variant,
} from "./lib/train-detector";

const MODEL_PATH = "lib/ingest/claim-model.json";
const LAYER_PATH = "lib/ingest/claim-encoder-layer.json";
const LAYER_LAMBDAS = [0.00001, 0.00003, 0.0001, 0.0003];

async function readTrainingData(site: boolean): Promise<{ data: Labelled[]; siteLabelsThrough: string | null }> {
  const data = [...readCdcp("train", "soft"), ...readNewsSd("train"), ...readNewsSd("val"), ...readOwnLabels()];
  if (!site) return { data, siteLabelsThrough: null };
  const { readSiteLabelsForTraining } = await import("./lib/site-labels");
  const { labels, through } = await readSiteLabelsForTraining();
  return { data: [...data, ...labels], siteLabelsThrough: through };
}

const useSite = process.argv.slice(2).includes("--site");
const unknown = process.argv.slice(2).filter((arg) => arg !== "--site");
if (unknown.length) {
  console.error("usage: npm run train:claims [-- --site]");
  process.exit(2);
}

const { data, siteLabelsThrough } = await readTrainingData(useSite);
const rows = await prepareRows(data);
const newsSdTest = await prepareRows(readNewsSd("test"));
const cdcpTest = await prepareRows(readCdcp("test"));
const FULL: Variant = { name: "all sources", sources: [...SOURCES], structure: true };

// A half claim is one sentence given twice, as a claim and as not (scripts/lib/claim-data.ts): sentences
// are counted once, by their document and text.
const sentenceKey = (row: Row) => `${row.group}:${row.sentence}`;
const sentencesOf = (source: Source) => new Set(rows.filter((row) => row.source === source).map(sentenceKey)).size;

const totalWeight = rows.reduce((sum, row) => sum + row.trainingWeight, 0);
console.log("training data (share of the training weight; each source class-balanced within itself):");
for (const source of SOURCES) {
  const of = rows.filter((row) => row.source === source);
  if (!of.length) continue;
  const weight = of.reduce((sum, row) => sum + row.trainingWeight, 0);
  const negatives = new Set(of.filter((row) => !row.claim).map(sentenceKey));
  const claims = of.filter((row) => row.claim);
  const halves = claims.filter((row) => negatives.has(sentenceKey(row))).length;
  console.log(
    `  ${source.padEnd(7)} ${String(sentencesOf(source)).padStart(5)} sentences, ${claims.length - halves} claims${halves ? ` and ${halves} half claims` : ""}, ${((weight / totalWeight) * 100).toFixed(1)}% of the weight`,
  );
}

let lexicalChoice = { lambda: 0, bigrams: false, f1: -1 };
for (const bigrams of [false, true]) {
  for (const lambda of [0.003, 0.01, 0.03]) {
    const logits = outOfFold(rows, (train, held) => lexicalLogits(trainLexical(train, { lambda, bigrams }, FULL), held));
    const f1 = crossValidatedF1(rows, logits);
    console.log(`lexical, bigrams ${bigrams ? "on " : "off"}, lambda ${lambda}: cross-validated macro-F1 ${f1.toFixed(3)}`);
    if (f1 > lexicalChoice.f1) lexicalChoice = { lambda, bigrams, f1 };
  }
}
console.log(`chosen: bigrams ${lexicalChoice.bigrams ? "on" : "off"}, lambda ${lexicalChoice.lambda}`);

let layerChoice = { lambda: 0, f1: -1, logits: new Map<Row, number>() };
for (const lambda of LAYER_LAMBDAS) {
  const logits = outOfFold(rows, (train, held) => layerLogits(fitLayer(train, lambda, FULL), held));
  const f1 = crossValidatedF1(rows, logits);
  console.log(`encoder layer, lambda ${lambda}: cross-validated macro-F1 ${f1.toFixed(3)}`);
  if (f1 > layerChoice.f1) layerChoice = { lambda, f1, logits };
}
console.log(`chosen: lambda ${layerChoice.lambda}`);

// How much each model counts in the combined log-odds, chosen on the same out-of-fold predictions.
const lexicalOutOfFold = outOfFold(rows, (train, held) => lexicalLogits(trainLexical(train, lexicalChoice, FULL), held));
let mixChoice = { encoderShare: 0, f1: -1 };
for (const encoderShare of [0.25, 0.5, 0.75, 1]) {
  const mixed = new Map([...layerChoice.logits].map(([row, logit]) => [row, mixLogits(encoderShare, lexicalOutOfFold.get(row)!, logit)]));
  const f1 = crossValidatedF1(rows, mixed);
  console.log(`encoder share ${encoderShare}: cross-validated macro-F1 ${f1.toFixed(3)}`);
  if (f1 > mixChoice.f1) mixChoice = { encoderShare, f1 };
}
console.log(`chosen: encoder share ${mixChoice.encoderShare}`);
const hyper: Hyperparameters = { ...lexicalChoice, layerLambda: layerChoice.lambda, encoderShare: mixChoice.encoderShare };

function testScores(detector: Detector) {
  return { newsSd: f1Of(newsSdTest, detectorLogits(detector, newsSdTest)), cdcp: f1Of(cdcpTest, detectorLogits(detector, cdcpTest)) };
}

// Ablation: what each source and the structure features add. Scored on the test splits and on the
// labelled articles that are not held out (the held-out two are looked at only by `npm run eval:ingest`).
const variants: Variant[] = [
  FULL,
  ...SOURCES.filter((source) => rows.some((row) => row.source === source)).map((source) => ({
    name: `without ${source}`,
    sources: SOURCES.filter((other) => other !== source),
    structure: true,
  })),
  { name: "without structure", sources: [...SOURCES], structure: false },
];
console.log("\nablation (test macro-F1; labelled articles not held out, pooled):");
let shipped: Detector | null = null;
for (const variant of variants) {
  const detector = trainDetector(rows, hyper, variant);
  if (variant === FULL) shipped = detector;
  const { newsSd, cdcp } = testScores(detector);
  const articles = overall(await articleResults({ detector, heldOut: false }));
  console.log(
    `  ${variant.name.padEnd(18)} NewsSD-ENG ${newsSd.toFixed(3)}  CDCP ${cdcp.toFixed(3)}  articles recall ${articles.recall.toFixed(2)} precision ${articles.precision.toFixed(2)}`,
  );
}
await stopEncoder();

const { model, layer } = shipped!;
const training = {
  sources: Object.fromEntries(SOURCES.map((source) => [source, sentencesOf(source)])),
  siteLabelsThrough,
};
fs.writeFileSync(MODEL_PATH, `${JSON.stringify({ ...model, training })}\n`);
fs.writeFileSync(LAYER_PATH, `${JSON.stringify(layer)}\n`);
console.log(`\nwrote ${MODEL_PATH} (${Object.keys(model.weights).length} weights) and ${LAYER_PATH}`);
