// The labelled sentences behind the claim detector, read from content/datasets/.
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

export const SOURCES = ["newssd", "cdcp", "own", "site"] as const;
export type Source = (typeof SOURCES)[number];

export interface Labelled {
  sentence: string;
  claim: boolean;
  /** Where the label comes from (training reports each source's share). */
  source?: Source;
  /** Sentences of one document stay in one cross-validation fold (CDCP is split by document). */
  group?: string;
  /** How much the label counts relative to others of its source and class (site decisions differ). */
  weight?: number;
}

const DATASETS = path.resolve("content", "datasets");

/** NewsSD-ENG (CC BY 4.0): news sentences labelled SUBJ (arguable) or OBJ. */
export function readNewsSd(split: "train" | "val" | "test"): Labelled[] {
  const rows = parse(fs.readFileSync(path.join(DATASETS, "newssd-eng", `${split}.csv`), "utf8"), {
    columns: true,
    skip_empty_lines: true,
  }) as { Sentence: string; Label: string }[];
  return rows.map((row, index) => ({ sentence: row.Sentence.trim(), claim: row.Label === "SUBJ", source: "newssd", group: `${split}-${index}` }));
}

/**
 * CDCP (Park & Cardie, ODbL 1.0): sentences of argumentative comments, each typed by its propositions
 * (content/datasets/cdcp/README.md). The official split is by document. Labellings:
 * - "official": a claim when it holds a policy or value proposition (the corpus's measure of
 *   arguability; what its test figures use);
 * - "arguable": a fact proposition counts too (an assertion in the writer's own voice a reader could
 *   dispute); testimony (the writer's own experience) and references never;
 * - "soft" (training): a sentence whose only arguable content is a fact proposition counts half a claim
 *   (given twice, as a claim and as not, each with weight 1/2). In an argumentative comment such an
 *   assertion is sometimes disputed and sometimes common ground, and the corpus cannot say which.
 */
export function readCdcp(split: "train" | "test", labelling: "official" | "arguable" | "soft" = "official"): Labelled[] {
  const arguable = (types: string) => (labelling === "arguable" ? /policy|value|fact/ : /policy|value/).test(types);
  const rows = fs
    .readFileSync(path.join(DATASETS, "cdcp", "cdcp.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { doc: string; text: string; orig_label: string; split: string })
    .filter((row) => row.split === split)
    .map((row) => ({ sentence: row.text, claim: arguable(row.orig_label), source: "cdcp" as const, group: row.doc, types: row.orig_label }));
  return rows.flatMap(({ types, ...row }): Labelled[] =>
    labelling === "soft" && !row.claim && /fact/.test(types)
      ? [
          { ...row, weight: 0.5 },
          { ...row, claim: true, weight: 0.5 },
        ]
      : [row],
  );
}

export function readOwnLabels(): Labelled[] {
  return fs
    .readFileSync(path.join(DATASETS, "arguably-claims", "labelled.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line, index) => ({ ...(JSON.parse(line) as Labelled), source: "own" as const, group: `own-${index}` }));
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
  const { readSentences, stopEncoder } = await import("@/lib/ingest/encoder");
  const cachePath = path.resolve("tmp", "claim-embeddings.json");
  const cache: Record<string, number[]> = fs.existsSync(cachePath) ? JSON.parse(fs.readFileSync(cachePath, "utf8")) : {};
  const missing = [...new Set(sentences.filter((sentence) => !cache[sentence]))];
  for (let i = 0; i < missing.length; i += 64) {
    const batch = missing.slice(i, i + 64);
    const readings = await readSentences(batch);
    batch.forEach((sentence, j) => (cache[sentence] = Array.from(readings[j].embedding, (value) => Number(value.toFixed(5)))));
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
