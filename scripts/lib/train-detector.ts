// Training the claim detector's two models (scripts/train-claims.ts runs it; decision 005): features,
// full-batch logistic regression without randomness, cross-validation by document, and scoring a trained
// pair on held-out rows. Shared with experiments so that every figure comes from the same code.
import { createRequire } from "node:module";
import { featureLogit, featurize, layerInputs, mixLogits, type ClaimModel, type Detector, type EncoderLayer, type FeatureOptions } from "@/lib/ingest/detect";
import { parseSentences } from "@/lib/ingest/parse.mjs";
import { sentenceStructure, STRUCTURE_FEATURE_NAMES, type SentenceStructure } from "@/lib/ingest/structure";
import { embedForTraining, macroF1, type Labelled, type Source } from "./claim-data";

const EPOCHS = 1000;
const LEARNING_RATE = 0.5;
const FOLDS = 5;
// Embeddings are unit vectors, so the loss's curvature is small and a large step is stable.
const LAYER_EPOCHS = 1500;
const LAYER_LEARNING_RATE = 4;

// AFINN-165 (MIT), shipped by the `sentiment` package: word -> |sentiment| from 1 to 5.
const LEXICON: Record<string, number> = Object.fromEntries(
  Object.entries(createRequire(import.meta.url)("sentiment/languages/en/labels.json") as Record<string, number>)
    .filter(([word]) => /^[a-z']+$/.test(word))
    .map(([word, score]) => [word, Math.abs(score)]),
);

/** A labelled sentence with everything the models read of it. */
export interface Row extends Labelled {
  source: Source;
  structure: SentenceStructure;
  inputs: Float64Array;
  /** Training weight: class-balanced within the source, times the label's own weight. */
  trainingWeight: number;
  /** Cross-validation fold, or -1 for rows that always train (our own and the site's labels). */
  fold: number;
}

export interface Hyperparameters {
  lambda: number;
  bigrams: boolean;
  /** The encoder layer's L2 strength. */
  layerLambda: number;
  encoderShare: number;
}

/** What a model variant may use: the ablations switch sources and the structure features off. */
export interface Variant {
  name: string;
  sources: Source[];
  structure: boolean;
}

function foldOf(group: string) {
  let hash = 0;
  for (const char of group) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % FOLDS;
}

/**
 * Labelled sentences with what the models read of them. Training weights: each source is class-balanced
 * within itself and counts as many sentences as it has (giving the two corpora equal shares instead scored
 * lower on both test splits at the same settings; decision 023).
 */
export async function prepareRows(data: Labelled[]): Promise<Row[]> {
  const parses = parseSentences(data.map((example) => example.sentence));
  const embeddings = await embedForTraining(data.map((example) => example.sentence));
  const counts = new Map<string, number>();
  const key = (example: Labelled) => `${example.source}:${example.claim}`;
  for (const example of data) counts.set(key(example), (counts.get(key(example)) ?? 0) + (example.weight ?? 1));
  const perSource = (source: Source | undefined) => (counts.get(`${source}:true`) ?? 0) + (counts.get(`${source}:false`) ?? 0);
  return data.map((example, i) => {
    const structure = sentenceStructure(parses[i]);
    const source = example.source ?? "own";
    return {
      ...example,
      source,
      structure,
      inputs: Float64Array.from(layerInputs(embeddings[i], structure)),
      trainingWeight: ((example.weight ?? 1) * perSource(source)) / (2 * counts.get(key(example))!),
      fold: source === "newssd" || source === "cdcp" ? foldOf(example.group ?? example.sentence) : -1,
    };
  });
}

const NO_STRUCTURE = (name: string) => !name.startsWith("syn:");

function featuresOf(row: Row, options: FeatureOptions, variant: Variant) {
  const features = featurize(row.sentence, row.structure, options);
  return variant.structure ? features : new Map([...features].filter(([name]) => NO_STRUCTURE(name)));
}

/** Full-batch gradient descent with L2 on sparse features; no randomness, so training is reproducible. */
function fitSparse(examples: { features: [number, number][]; label: number; weight: number }[], size: number, lambda: number) {
  const weights = new Float64Array(size);
  let bias = 0;
  const totalWeight = examples.reduce((sum, example) => sum + example.weight, 0);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const gradient = new Float64Array(size);
    let biasGradient = 0;
    for (const example of examples) {
      let sum = bias;
      for (const [index, value] of example.features) sum += weights[index] * value;
      const error = (1 / (1 + Math.exp(-sum)) - example.label) * example.weight;
      for (const [index, value] of example.features) gradient[index] += error * value;
      biasGradient += error;
    }
    for (let i = 0; i < size; i++) weights[i] -= LEARNING_RATE * (gradient[i] / totalWeight + lambda * weights[i]);
    bias -= (LEARNING_RATE * biasGradient) / totalWeight;
  }
  return { weights, bias };
}

export function trainLexical(rows: Row[], { lambda, bigrams }: Pick<Hyperparameters, "lambda" | "bigrams">, variant: Variant): ClaimModel {
  const options = { lexicon: LEXICON, bigrams };
  const featureLists = rows.map((row) => featuresOf(row, options, variant));
  const counts = new Map<string, number>();
  for (const features of featureLists) for (const name of features.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const names = [...counts]
    .filter(([name, count]) => count >= 2 || !/^[wb]:/.test(name))
    .map(([name]) => name)
    .sort();
  const vocab = new Map(names.map((name, index) => [name, index]));
  const examples = rows.map((row, i) => ({
    features: [...featureLists[i]].filter(([name]) => vocab.has(name)).map(([name, value]) => [vocab.get(name)!, value] as [number, number]),
    label: row.claim ? 1 : 0,
    weight: row.trainingWeight,
  }));
  const fitted = fitSparse(examples, vocab.size, lambda);
  const weights: Record<string, number> = {};
  for (const [name, index] of vocab) {
    const weight = Number(fitted.weights[index].toFixed(5));
    if (weight !== 0) weights[name] = weight;
  }
  return { bias: Number(fitted.bias.toFixed(5)), bigrams, weights, lexicon: LEXICON };
}

export const lexicalLogits = (model: ClaimModel, rows: Row[]) => rows.map((row) => featureLogit(featurize(row.sentence, row.structure, model), model));

/** The encoder layer: logistic regression on the embedding and structure, full-batch, weighted, L2. */
export function fitLayer(rows: Row[], lambda: number, variant: Variant): Omit<EncoderLayer, "encoderShare"> {
  const size = rows[0].inputs.length;
  const usable = variant.structure ? size : size - STRUCTURE_FEATURE_NAMES.length;
  const weights = new Float64Array(size);
  let bias = 0;
  const totalWeight = rows.reduce((sum, row) => sum + row.trainingWeight, 0);
  for (let epoch = 0; epoch < LAYER_EPOCHS; epoch++) {
    const gradient = new Float64Array(size);
    let biasGradient = 0;
    for (const row of rows) {
      const x = row.inputs;
      let sum = bias;
      for (let i = 0; i < usable; i++) sum += weights[i] * x[i];
      const error = (1 / (1 + Math.exp(-sum)) - (row.claim ? 1 : 0)) * row.trainingWeight;
      for (let i = 0; i < usable; i++) gradient[i] += error * x[i];
      biasGradient += error;
    }
    for (let i = 0; i < usable; i++) weights[i] -= LAYER_LEARNING_RATE * (gradient[i] / totalWeight + lambda * weights[i]);
    bias -= (LAYER_LEARNING_RATE * biasGradient) / totalWeight;
  }
  const rounded = Array.from(weights, (weight) => Number(weight.toFixed(5)));
  return {
    weights: rounded.slice(0, size - STRUCTURE_FEATURE_NAMES.length),
    structureWeights: rounded.slice(size - STRUCTURE_FEATURE_NAMES.length),
    bias: Number(bias.toFixed(5)),
  };
}

export function layerLogits(layer: Omit<EncoderLayer, "encoderShare">, rows: Row[]) {
  const all = [...layer.weights, ...(layer.structureWeights ?? [])];
  return rows.map((row) => row.inputs.reduce((sum, value, i) => sum + value * (all[i] ?? 0), layer.bias));
}

export const f1Of = (rows: Row[], logits: number[]) =>
  macroF1(
    rows.map((row) => row.claim),
    logits.map((logit) => logit >= 0),
  );

/** Out-of-fold log-odds for every row in a fold (rows with fold -1 always train). */
export function outOfFold(rows: Row[], fitAndScore: (train: Row[], held: Row[]) => number[]): Map<Row, number> {
  const logits = new Map<Row, number>();
  for (let fold = 0; fold < FOLDS; fold++) {
    const held = rows.filter((row) => row.fold === fold);
    const scored = fitAndScore(
      rows.filter((row) => row.fold !== fold),
      held,
    );
    held.forEach((row, i) => logits.set(row, scored[i]));
  }
  return logits;
}

/** The cross-validation score: macro-F1 on NewsSD-ENG and on CDCP, averaged, so neither genre dominates. */
export function crossValidatedF1(rows: Row[], logits: Map<Row, number>) {
  const scores = (["newssd", "cdcp"] as const)
    .map((source) => rows.filter((row) => row.source === source && logits.has(row)))
    .filter((held) => held.length)
    .map((held) =>
      f1Of(
        held,
        held.map((row) => logits.get(row)!),
      ),
    );
  return scores.reduce((sum, score) => sum + score, 0) / scores.length;
}

/** Both models trained on the rows a variant may use. */
export function trainDetector(rows: Row[], hyper: Hyperparameters, variant: Variant): Detector {
  const used = rows.filter((row) => variant.sources.includes(row.source));
  const model = trainLexical(used, hyper, variant);
  const layer = { ...fitLayer(used, hyper.layerLambda, variant), encoderShare: hyper.encoderShare };
  return { model, layer };
}

/** A trained pair's combined log-odds for prepared rows (as detect.ts computes them). */
export function detectorLogits({ model, layer }: Detector, rows: Row[]) {
  const lexical = lexicalLogits(model, rows);
  return layerLogits(layer, rows).map((logit, i) => mixLogits(layer.encoderShare, lexical[i], logit));
}
