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
