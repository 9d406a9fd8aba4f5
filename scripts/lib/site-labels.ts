// The site's decisions as training and evaluation data (lib/ingest/claim-labels.ts, decision 005), read
// from the database `npm start` uses. Deduplicated by sentence (the latest decision wins) and without any
// sentence of a labelled article, so that importing an evaluation article into the site and reviewing
// it can never leak its labels into training.
import fs from "node:fs";
import path from "node:path";
import { extractBody } from "@/lib/ingest";
import { DECISION_WEIGHT, readClaimLabels, type StoredClaimLabel } from "@/lib/ingest/claim-labels";
import { connectToDatabase, dataDir } from "@/lib/env";
import type { Labelled } from "./claim-data";
import { labelledArticles } from "./labelled-articles";
import { loadEnvironment, migrateDatabase, openDatabase } from "./runtime";

const normalise = (sentence: string) => sentence.replace(/\s+/g, " ").trim().toLowerCase();

/** Every sentence of every labelled article: never trained on, never counted as drift. */
function evaluationSentences(): Set<string> {
  const sentences = new Set<string>();
  for (const article of labelledArticles()) {
    const { body, sentences: spans } = extractBody(fs.readFileSync(article.path, "utf8"));
    for (const span of spans) sentences.add(normalise(body.slice(span.start, span.end)));
  }
  return sentences;
}

/** The latest decision on each sentence, outside the labelled articles, oldest first. */
export function usableLabels(labels: StoredClaimLabel[]): StoredClaimLabel[] {
  const excluded = evaluationSentences();
  const latest = new Map<string, StoredClaimLabel>();
  for (const label of labels) {
    const key = normalise(label.sentence);
    if (!excluded.has(key)) latest.set(key, label);
  }
  return [...latest.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

/** Runs `work` against the site's database; `onlyIfPresent` skips (answers null) when there is none yet. */
async function withSiteDatabase<T>(work: () => Promise<T>, { onlyIfPresent }: { onlyIfPresent: boolean }): Promise<T | null> {
  const env = loadEnvironment();
  if (onlyIfPresent && !env.DATABASE_URL && !fs.existsSync(path.join(dataDir(env), "postgres"))) return null;
  const quiet = () => {};
  const database = await openDatabase(env, quiet);
  connectToDatabase(database.url);
  try {
    await migrateDatabase(database.url, quiet);
    return await work();
  } finally {
    const { getDb } = await import("@/lib/db/client");
    await getDb().$disconnect();
    await database.stop();
  }
}

/** Every usable decision in the connected database, weighted by how telling it is. */
export async function siteLabelsForTraining(): Promise<{ labels: Labelled[]; through: string | null }> {
  const stored = usableLabels(await readClaimLabels());
  return {
    labels: stored.map((label) => ({ sentence: label.sentence, claim: label.claim, source: "site", group: label.id, weight: DECISION_WEIGHT[label.decision] })),
    through: stored.at(-1)?.createdAt.toISOString() ?? null,
  };
}

/** The last `count` usable decisions in the connected database made after `after` (those a model did not train on). */
export async function recentSiteLabels(after: Date | null, count: number): Promise<StoredClaimLabel[]> {
  return usableLabels(await readClaimLabels({ after })).slice(-count);
}

/** `npm run train:claims -- --site`: the site's labels, from the database `npm start` uses. */
export async function readSiteLabelsForTraining() {
  return (await withSiteDatabase(siteLabelsForTraining, { onlyIfPresent: false }))!;
}

/** `npm run eval:ingest`: the recent decisions, or null when the site has no database yet. */
export function readRecentSiteLabels(after: Date | null, count: number) {
  return withSiteDatabase(() => recentSiteLabels(after, count), { onlyIfPresent: true });
}
