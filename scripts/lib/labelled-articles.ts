// The labelled articles the pipeline is measured on: the two demo seeds (content/datasets/seed-labels.json)
// and our own (content/datasets/arguably-claims/articles.json). Never trained on (scripts/lib/site-labels.ts
// keeps their sentences out of the site's training data too).
import fs from "node:fs";
import path from "node:path";

const DATASETS = path.resolve("content", "datasets");

export interface ArticleLabels {
  file: string;
  kind: string;
  title: string;
  byline: string | null;
  /** YYYY-MM-DD, or null when the page states none. */
  date: string | null;
  claims: string[];
  neverClaims: string[];
  neverInBody: string[];
  /** Kept out of all tuning (issue 30): measured only by `npm run eval:ingest`. */
  heldOut?: boolean;
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
