// The labelled sentences behind the claim detector, read from content/datasets/.
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

export interface Labelled {
  sentence: string;
  claim: boolean;
}

const DATASETS = path.resolve("content", "datasets");

/** NewsSD-ENG (CC BY 4.0): news sentences labelled SUBJ (arguable) or OBJ. */
export function readNewsSd(split: "train" | "val" | "test"): Labelled[] {
  const rows = parse(fs.readFileSync(path.join(DATASETS, "newssd-eng", `${split}.csv`), "utf8"), {
    columns: true,
    skip_empty_lines: true,
  }) as { Sentence: string; Label: string }[];
  return rows.map((row) => ({ sentence: row.Sentence.trim(), claim: row.Label === "SUBJ" }));
}

export function readOwnLabels(): Labelled[] {
  return fs
    .readFileSync(path.join(DATASETS, "arguably-claims", "labelled.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Labelled);
}

/** Macro-averaged F1 over the two classes. */
export function macroF1(labels: boolean[], predictions: boolean[]): number {
  const f1 = (positive: boolean) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    labels.forEach((label, i) => {
      if (predictions[i] === positive && label === positive) tp++;
      else if (predictions[i] === positive) fp++;
      else if (label === positive) fn++;
    });
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  };
  return (f1(true) + f1(false)) / 2;
}

/**
 * Sentence embeddings for training, rounded to 5 decimals: the encoder's output changes by ~1e-7 with
 * the batch a sentence is in, and rounding keeps the trained layer byte-for-byte reproducible. Cached
 * under tmp/ (by sentence) because embedding the training data takes about a minute.
 */
export async function embedForTraining(sentences: string[]): Promise<Float64Array[]> {
  const { embedSentences, stopEncoder } = await import("@/lib/ingest/encoder");
  const cachePath = path.resolve("tmp", "claim-embeddings.json");
  const cache: Record<string, number[]> = fs.existsSync(cachePath) ? JSON.parse(fs.readFileSync(cachePath, "utf8")) : {};
  const missing = [...new Set(sentences.filter((sentence) => !cache[sentence]))];
  for (let i = 0; i < missing.length; i += 64) {
    const batch = missing.slice(i, i + 64);
    const embeddings = await embedSentences(batch);
    batch.forEach((sentence, j) => (cache[sentence] = Array.from(embeddings[j], (value) => Number(value.toFixed(5)))));
    process.stdout.write(`\rembedding sentences: ${Math.min(i + 64, missing.length)}/${missing.length}`);
  }
  if (missing.length) {
    process.stdout.write("\n");
    fs.mkdirSync(path.dirname(cachePath), { recursive: true });
    fs.writeFileSync(cachePath, JSON.stringify(cache));
  }
  await stopEncoder();
  return sentences.map((sentence) => Float64Array.from(cache[sentence]));
}
