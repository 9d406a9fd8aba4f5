// The demo content: the raw scrapes in content/seeds/, imported once through the ingest pipeline.
import fs from "node:fs/promises";
import path from "node:path";
import { addDetectedClaims } from "@/lib/articles/detected-claims";
import { importArticle } from "@/lib/articles/import-article";
import { connectToDatabase } from "@/lib/env";

export const SEEDS_DIR = path.resolve(process.cwd(), "content", "seeds");

export async function seedDemoArticles(log: (message: string) => void = () => {}) {
  const files = (await fs.readdir(SEEDS_DIR)).filter((file) => file.endsWith(".txt")).sort();
  let created = 0;
  for (const file of files) {
    const raw = await fs.readFile(path.join(SEEDS_DIR, file), "utf8");
    const result = await importArticle({ raw });
    if (result.created) {
      created++;
      log(`imported demo article "${result.article.title}" with ${result.prepared.claims.length} claims`);
    } else if (result.article._count.claims === 0) {
      // Imported by a version of Arguably that did not split claims yet.
      const added = await addDetectedClaims(result.article.id, result.prepared.claims);
      log(`added ${added} claims to demo article "${result.article.title}"`);
    }
  }
  return { created, total: files.length };
}

/**
 * From a script or a test harness (not the app): points this process at `url`, seeds the demo articles
 * there, and closes the connections it opened, so nothing holds the database afterwards and a later
 * database gets a client of its own.
 */
export async function seedDemoArticlesInto(url: string) {
  const { getDb } = await import("@/lib/db/client");
  const state = globalThis as { arguablyPrisma?: { $disconnect(): Promise<void> } };
  await state.arguablyPrisma?.$disconnect();
  state.arguablyPrisma = undefined;
  connectToDatabase(url);
  try {
    return await seedDemoArticles();
  } finally {
    await getDb().$disconnect();
    state.arguablyPrisma = undefined;
  }
}
