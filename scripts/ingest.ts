// npm run -s ingest -- [--dry-run] [--json] <file-or-url>
// Splits an article into claims. --dry-run stores nothing; --json prints one JSON object.
// Bad input exits with code 2 and a one-line reason on stderr.
import fs from "node:fs/promises";
import { AppError } from "@/lib/errors";
import { InputError, MAX_INPUT_BYTES, prepareArticle, type IngestProgress } from "@/lib/ingest";
import { progressLine } from "./lib/progress-line";
import { connectToDatabase } from "@/lib/env";

class UsageError extends Error {}

async function readSource(source: string): Promise<{ text: string; url: string | null }> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    const { fetchPage } = await import("@/lib/net/fetch-page");
    const page = await fetchPage(source);
    return { text: page.text, url: page.url };
  }
  const stat = await fs.stat(source).catch(() => null);
  if (!stat?.isFile()) throw new UsageError(`No such file: ${source}`);
  if (stat.size > MAX_INPUT_BYTES) throw new InputError("invalid_request", `The input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB.`);
  const bytes = await fs.readFile(source);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), url: null };
  } catch {
    throw new InputError("invalid_request", "The input is not UTF-8 text (binary data or another encoding).");
  }
}

const STAGES: Record<IngestProgress["stage"], string> = { extracting: "finding the article", detecting: "splitting into claims" };

function describe({ stage, done, total }: IngestProgress) {
  return total > 1 ? `${STAGES[stage] ?? stage}: ${done} of ${total} sentences (${Math.floor((done / total) * 100)}%)` : `${STAGES[stage] ?? stage}…`;
}

async function main() {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((arg) => arg.startsWith("--")));
  const sources = args.filter((arg) => !arg.startsWith("--"));
  const unknown = [...flags].filter((flag) => flag !== "--dry-run" && flag !== "--json");
  if (sources.length !== 1 || unknown.length) throw new UsageError("usage: npm run -s ingest -- [--dry-run] [--json] <file-or-url>");

  const { text, url } = await readSource(sources[0]);
  // Splitting a very long article takes seconds: say how far it is (on stderr, after the first second).
  const line = progressLine("ingest");
  const prepared = await prepareArticle(text, {
    sourceUrl: url,
    onProgress: (progress) => line.update(describe(progress), { phase: progress.stage, final: progress.done === progress.total }),
  });
  line.finish();
  if (flags.has("--dry-run")) {
    if (flags.has("--json")) {
      const { title, byline, body, claims } = prepared;
      const output = { title, byline, body, claims: claims.map(({ text, start, end, score }) => ({ text, start, end, score: Number(score.toFixed(4)) })) };
      process.stdout.write(`${JSON.stringify(output)}\n`);
    } else {
      console.log(`${prepared.title}${prepared.byline ? ` — ${prepared.byline}` : ""}`);
      console.log(`${prepared.blocks.length} blocks, ${prepared.sentences.length} sentences, ${prepared.claims.length} claims:`);
      for (const claim of prepared.claims) console.log(`  [${claim.score.toFixed(2)}] ${claim.text}`);
    }
    return;
  }

  // Storing needs the database: the same one `npm start` uses. Loaded only here, to keep dry runs fast.
  const { loadEnvironment, migrateDatabase, openDatabase } = await import("./lib/runtime");
  const { appUrl } = await import("@/lib/env");
  const env = loadEnvironment();
  // Progress goes to stderr: stdout carries only the result.
  const report = (message: string) => console.error(`arguably: ${message}`);
  const database = await openDatabase(env, report);
  connectToDatabase(database.url);
  try {
    await migrateDatabase(database.url, report);
    const { importArticle } = await import("@/lib/articles/import-article");
    const result = await importArticle({ raw: text, sourceUrl: url });
    const link = `${appUrl(env)}/articles/${result.article.slug}`;
    if (flags.has("--json"))
      process.stdout.write(
        `${JSON.stringify({ url: link, created: result.created, claims: result.article._count.claims || result.prepared.claims.length })}\n`,
      );
    else console.log(link);
  } finally {
    const { getDb } = await import("@/lib/db/client");
    await getDb().$disconnect();
    await database.stop();
  }
}

main().catch((error: Error) => {
  const expected = error instanceof UsageError || error instanceof AppError;
  console.error(`ingest: ${error.message.split("\n")[0]}`);
  process.exit(expected ? 2 : 1);
});
