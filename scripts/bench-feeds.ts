// npm run -s bench:feeds [-- --samples 200]: does a feed's import leave the site serving pages? On its
// own database (`arguably_bench_feeds`, made afresh) the production server runs with its job worker; a
// local server plays a news site with a 50-item RSS feed and 50 articles (admitted by FETCH_ALLOW_HOSTS,
// as an intranet deployment would be). The latency of an article page, a claim page, the moderation log
// and a search (the last two read the database every time) is measured without the import, then while the
// worker fetches the feed and imports its 50 items, side by side in one run. Prints one JSON object: medians and p95s, the import's duration and what it stored.
import http from "node:http";
import { parseArgs } from "node:util";
import { connectToDatabase } from "@/lib/env";
import { dropDatabase, queryRows, withDatabaseName } from "@/lib/db/scratch";
import { ensureDatabase, findFreePort } from "@/lib/db/embedded";
import { startAppServer } from "@/server/start-app-server";
import { ensureProductionBuild } from "./lib/build";
import { loadEnvironment, migrateDatabase, openDatabase } from "./lib/runtime";
import { seedDemoArticles } from "./lib/seed-demo";

const DATABASE = "arguably_bench_feeds";
const ITEMS = 50;
const { values } = parseArgs({ options: { samples: { type: "string", default: "200" } } });
const samples = Number(values.samples);
const say = (message: string) => console.error(`bench:feeds: ${message}`);

const TOPICS = [
  "bus lanes",
  "night trains",
  "school meals",
  "library hours",
  "street trees",
  "rent caps",
  "bike parking",
  "river walls",
  "clinic hours",
  "park lights",
];

function articlePage(n: number) {
  const topic = TOPICS[n % TOPICS.length];
  const paragraphs = Array.from(
    { length: 12 },
    (_, p) =>
      `<p>The council should fund ${topic} in ward ${n}, because residents there wait ${p + 2} times longer than anywhere else (${n}-${p}). Critics say the money is better spent elsewhere, but they have not shown where.</p>`,
  ).join("");
  return `<!doctype html><html><head><title>On ${topic}, part ${n}</title></head><body><nav>Home | Opinion</nav><article><h1>On ${topic}, part ${n}</h1><p>By Desk Writer ${n}</p>${paragraphs}</article></body></html>`;
}

function feed(base: string) {
  const items = Array.from({ length: ITEMS }, (_, n) => `<item><title>Part ${n}</title><link>${base}/articles/${n}</link><guid>bench-${n}</guid></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench desk</title><link>${base}/</link>${items.join("")}</channel></rss>`;
}

/** Requests the paths in turn, `count` in all; answers each path's times. */
async function timedGets(url: string, paths: string[], count: number, into: Map<string, number[]> = new Map()) {
  for (let i = 0; i < count; i++) {
    const path = paths[i % paths.length];
    const started = performance.now();
    const response = await fetch(url + path);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    into.set(path, [...(into.get(path) ?? []), performance.now() - started]);
  }
  return into;
}

function summary(times: number[]) {
  if (!times.length) return { samples: 0, median_ms: NaN, p95_ms: NaN };
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1));
  return { samples: times.length, median_ms: at(0.5), p95_ms: at(0.95) };
}

async function main() {
  const env = loadEnvironment();
  const database = await openDatabase(env, () => undefined);
  const adminUrl = withDatabaseName(database.url, "postgres");
  await dropDatabase(adminUrl, DATABASE);
  await ensureDatabase(adminUrl, DATABASE);
  const url = withDatabaseName(database.url, DATABASE);
  await migrateDatabase(url, () => undefined);
  connectToDatabase(url);
  await seedDemoArticles();

  const site = http.createServer((request, response) => {
    const path = request.url ?? "/";
    const article = /^\/articles\/(\d+)$/.exec(path);
    if (path === "/feed.xml") {
      response.writeHead(200, { "Content-Type": "application/rss+xml" });
      response.end(feed(`http://127.0.0.1:${(site.address() as { port: number }).port}`));
    } else if (article) {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      response.end(articlePage(Number(article[1])));
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  const siteBase = `http://127.0.0.1:${(site.address() as { port: number }).port}`;

  const authSecret = "bench-feeds-auth-secret-of-at-least-32-characters";
  await ensureProductionBuild({ authSecret, log: say, toStderr: true });
  const port = await findFreePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const server = await startAppServer({
    databaseUrl: url,
    port,
    host: "127.0.0.1",
    authSecret,
    appUrl,
    env: { FETCH_ALLOW_HOSTS: `127.0.0.1:${new URL(siteBase).port}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    const [{ slug }] = await queryRows<{ slug: string }>(url, `select slug from "Article" order by "importedAt" limit 1`);
    const [{ id: claimId }] = await queryRows<{ id: string }>(
      url,
      `select c.id from "Claim" c join "Article" a on a.id = c."articleId" where a.slug = $1 limit 1`,
      [slug],
    );
    // Pages served from the shared render (article, claim) and reads that ask the database every time
    // (the public moderation log, search).
    const paths = [`/articles/${slug}`, `/claims/${claimId}`, "/moderation/log", "/search?q=ukraine"];
    await timedGets(appUrl, paths, 200); // warm-up: the server's first renders and queries
    say(`${samples} page requests without an import`);
    const quiet = await timedGets(appUrl, paths, samples);

    const [{ id: feedId }] = await queryRows<{ id: string }>(url, `insert into "Feed" (id, url) values ('bench-feed', $1) returning id`, [
      `${siteBase}/feed.xml`,
    ]);
    const started = performance.now();
    await queryRows(url, `select graphile_worker.add_job('fetch_feed', json_build_object('feedId', $1::text))`, [feedId]);
    say(`page requests while the worker imports ${ITEMS} items, until it is done`);
    // Only requests made while the import runs count here.
    const busy = new Map<string, number[]>();
    for (;;) {
      const [{ waiting, total }] = await queryRows<{ waiting: number; total: number }>(
        url,
        `select count(*) filter (where state = 'queued')::int as waiting, count(*)::int as total from "FeedItem" where "feedId" = $1`,
        [feedId],
      );
      if (total === ITEMS && waiting === 0) break;
      if (performance.now() - started > 15 * 60_000) throw new Error("The import did not finish within 15 minutes.");
      await timedGets(appUrl, paths, paths.length * 3, busy);
    }
    const importSeconds = (performance.now() - started) / 1000;
    const stored = await queryRows<{ state: string; n: number }>(url, `select state::text, count(*)::int as n from "FeedItem" group by state order by state`);
    // Per page, side by side: the medians' ratio says how much slower a page is while the import runs.
    const perPage = paths.map((path) => {
      const without = summary(quiet.get(path)!);
      const during = summary(busy.get(path) ?? []);
      return { path, withoutImport: without, duringImport: during, medianRatio: Number((during.median_ms / without.median_ms).toFixed(2)) };
    });
    console.log(
      JSON.stringify(
        {
          pages: perPage,
          importSeconds: Number(importSeconds.toFixed(1)),
          items: Object.fromEntries(stored.map((row) => [row.state, row.n])),
        },
        null,
        2,
      ),
    );
  } finally {
    await server.stop();
    site.close();
    await database.stop();
  }
}

main().catch((error: Error) => {
  console.error(`bench:feeds: ${error.message}`);
  process.exit(1);
});
