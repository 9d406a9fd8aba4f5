// npm run -s bench -- [--json] [--duration 10] [--connections 20]: the production build on the bench
// database (npm run bench:seed; built with defaults if missing), measured with autocannon in one run:
// the largest article's page, claim pages with 2,000 and 10,000 responses, a vote write, a response
// write, the article and claim pages for a signed-in reader (no page cache), and two baselines under
// the same conditions: a static file of the same Next.js server, and a bare node:http + pg server
// running the article page's main query. Then the freshness of a write on the article page, the median
// time of the 10,000-response claim's standing, and the article page on a 1,000-response database
// (arguably_bench_small) for the growth. Prints one JSON object (see issue 7).
import type { ClaimVoteValue } from "@/lib/vocabulary";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { findFreePort } from "@/lib/db/embedded";
import { queryRows, withDatabaseName } from "@/lib/db/scratch";
import { migrate } from "@/lib/db/migrate";
import { BENCH_CLAIM_SIZES, BENCH_DATABASE, BENCH_PASSWORD, BENCH_SMALL_DATABASE, buildBenchDatabase } from "./lib/bench-data";
import { ensureProductionBuild } from "./lib/build";
import { claimVoteRequest, HttpClient, parseActionResult, serverActionHeaders } from "./lib/http-client";
import { connectToDatabase } from "@/lib/env";
import { startAppServer } from "@/server/start-app-server";
import { loadEnvironment, openDatabase } from "./lib/runtime";

const { values } = parseArgs({
  options: { json: { type: "boolean", default: false }, duration: { type: "string", default: "15" }, connections: { type: "string", default: "20" } },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const say = (message: string) => console.error(`bench: ${message}`);

interface Figure {
  name: string;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  /** Answers that were not 2xx, connection errors and timeouts: a run with errors has not met its target. */
  errors: number;
}

/** p95 from autocannon's histogram percentiles (it reports p90 and p97.5; interpolate between them). */
function figure(name: string, result: autocannon.Result): Figure {
  const { p50, p90, p97_5 } = result.latency;
  const errors = result.non2xx + result.errors + result.timeouts;
  return { name, rps: Math.round(result.requests.average), p50_ms: p50, p95_ms: Math.round(p90 + ((p97_5 - p90) * 5) / 7.5), errors };
}

let idleUrl = "";

/** Requests left over from the previous measurement would slow the next one: wait them out. */
async function untilIdle() {
  const deadline = Date.now() + 120_000;
  while (idleUrl && Date.now() < deadline) {
    const started = performance.now();
    await fetch(idleUrl).catch(() => undefined);
    if (performance.now() - started < 50) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Every request asks as browsers do, compression included (autocannon asks for none by default). */
const BROWSER_HEADERS = { accept: "text/html,application/xhtml+xml,*/*;q=0.8", "accept-encoding": "gzip, deflate, br" };

async function measure(name: string, options: autocannon.Options): Promise<Figure> {
  await untilIdle();
  say(`measuring ${name} (${connections} connections, ${duration} s)`);
  // A generous timeout: a slow page must show up as latency, not vanish as a dropped request.
  const result = await autocannon({ connections, duration, timeout: 120, headers: BROWSER_HEADERS, ...options });
  const measured = figure(name, result);
  if (measured.errors) say(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} connection errors, ${result.timeouts} timeouts`);
  return measured;
}

// What the article page reads: the article and its claims with their stored counts (decision 010).
const ARTICLE_QUERY = `
  select a.id, a.slug, a.title, a.byline, a.body, a.blocks,
    (select coalesce(json_agg(json_build_object('id', c.id, 'start', c.start, 'end', c."end", 'text', c.text,
        'supporting', c."supportCount", 'opposing', c."opposeCount", 'standing', c.standing) order by c.start), '[]')
      from "Claim" c where c."articleId" = a.id and c."hiddenAt" is null) as claims
  from "Article" a where a.slug = $1 and a.status = 'published'`;

/** The floor under any page: node:http and one pg pool, running the article page's main query. */
async function startBareServer(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server = http.createServer(async (request, response) => {
    const slug = decodeURIComponent((request.url ?? "/").split("/").pop() ?? "");
    const { rows } = await pool.query(ARTICLE_QUERY, [slug]);
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify(rows[0] ?? null));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: async () => (server.close(), pool.end()) };
}

const env = loadEnvironment();
const database = await openDatabase(env, () => undefined);

/** The bench database `name`, built with the defaults if missing and migrated to the current schema. */
async function benchDatabase(name: string, size: { responses: number; votes: number }) {
  const url = withDatabaseName(database.url, name);
  const populated = await queryRows<{ n: number }>(url, `select count(*)::int as n from "Response"`).then(
    (rows) => rows[0].n > 0,
    () => false,
  );
  if (!populated) {
    say(`no ${name} database yet: building it (${size.responses.toLocaleString("en")} responses)`);
    await buildBenchDatabase(database.url, { ...size, name });
  } else {
    await migrate(url, { log: (line) => say(line) });
  }
  return url;
}

const benchUrl = await benchDatabase(BENCH_DATABASE, { responses: 100_000, votes: 500_000 });
const smallUrl = await benchDatabase(BENCH_SMALL_DATABASE, { responses: 1_000, votes: 5_000 });
const sql = <T extends pg.QueryResultRow>(text: string, params: unknown[] = [], url = benchUrl) => queryRows<T>(url, text, params);

const largestArticle = (url: string) =>
  sql<{ slug: string; id: string }>(
    `select a.slug, a.id from "Article" a join "Claim" c on c."articleId" = a.id group by a.id order by sum(c."responseCount") desc limit 1`,
    [],
    url,
  ).then((rows) => rows[0]);
const claimNear = (size: number) => sql<{ id: string }>(`select id from "Claim" order by abs("responseCount" - $1) limit 1`, [size]).then((rows) => rows[0]);
// The API's per-address limit is for people's scripts; the benchmark measures the API, not the brake.
await sql(
  `insert into "Setting" (key, value, "updatedAt") values ('apiAnonymousRequestsPerMinute', 100000000, now()) on conflict (key) do update set value = excluded.value`,
);
const largest = await largestArticle(benchUrl);
const mediumClaim = await claimNear(BENCH_CLAIM_SIZES.medium);
const largeClaim = await claimNear(BENCH_CLAIM_SIZES.large);

const AUTH_SECRET = randomBytes(32).toString("base64url");
await ensureProductionBuild({ authSecret: AUTH_SECRET, log: say, toStderr: true });

/** The production server (server/, with its page cache) on `databaseUrl`. */
async function startApp(databaseUrl: string) {
  const port = await findFreePort();
  const server = await startAppServer({
    databaseUrl,
    port,
    host: "127.0.0.1",
    authSecret: AUTH_SECRET,
    appUrl: `http://127.0.0.1:${port}`,
    stdio: ["ignore", "ignore", "inherit"],
  });
  process.once("exit", () => server.child.kill("SIGKILL"));
  return server;
}

/** One signed-in reader per connection: the first `count` bench users. */
async function signedInClients(appUrl: string, count: number, url = benchUrl) {
  const users = await sql<{ email: string }>(`select email from "User" where id like 'bench-user-%' order by id limit $1`, [count], url);
  return Promise.all(
    users.map(async ({ email }) => {
      const client = new HttpClient(appUrl);
      await client.signIn(email, BENCH_PASSWORD);
      return client;
    }),
  );
}

/** The median time of the claim's standing with its reasons, read as the claim page reads it. */
async function standingMedianMs(claimId: string) {
  connectToDatabase(benchUrl);
  const { getClaimStanding } = await import("@/lib/debate/discussion");
  const { getDb } = await import("@/lib/db/client");
  const times: number[] = [];
  for (let round = 0; round < 60; round++) {
    const started = performance.now();
    if (!(await getClaimStanding(claimId))) throw new Error("the large claim has no standing");
    times.push(performance.now() - started);
  }
  await getDb().$disconnect();
  times.sort((a, b) => a - b);
  return Number(times[30].toFixed(2));
}

const app = await startApp(benchUrl);
const bare = await startBareServer(benchUrl);
const appUrl = app.url;
idleUrl = `${appUrl}/robots.txt`;

try {
  const clients = await signedInClients(appUrl, connections);
  const origin = new URL(appUrl).origin;
  const claims = (await sql<{ id: string }>(`select id from "Claim" where "articleId" = $1 order by start`, [largest.id])).map((row) => row.id);
  let nextClient = 0;
  let writes = 0;
  const refused: string[] = [];
  /**
   * Writes by signed-in readers, one per connection: `build` makes the n-th request, `accepted` judges
   * its answer. Answers come uncompressed, so that each can be checked (they are a few dozen bytes).
   */
  const writeCall = (
    what: string,
    build: (n: number) => { method: "POST"; path: string; headers: Record<string, string>; body: string },
    accepted: (status: number, body: string) => boolean,
  ) => ({
    url: appUrl,
    requests: [
      {
        setupRequest(request: autocannon.Request, context: { cookie?: string }) {
          context.cookie ??= clients[nextClient++ % clients.length].cookieHeader;
          writes += 1;
          const write = build(writes);
          return { ...request, ...write, headers: { ...BROWSER_HEADERS, "accept-encoding": "identity", ...write.headers, cookie: context.cookie } };
        },
        onResponse(status: number, body: string) {
          // Thrown here, an error would kill autocannon mid-run; counted, it fails the run afterwards.
          let ok = false;
          try {
            ok = accepted(status, body);
          } catch {}
          if (!ok) refused.push(`${what}: ${status} ${body.slice(0, 200)}`);
        },
      },
    ],
    initialContext: {},
  });
  const actionCall = (name: string, argument: (n: number) => { claimId: string }, { refusedWith }: { refusedWith?: number } = {}) =>
    writeCall(
      name,
      (n) => {
        const body = argument(n);
        return {
          method: "POST",
          path: `/claims/${body.claimId}`,
          headers: serverActionHeaders("app/claims/[id]/actions.ts", name, origin),
          body: JSON.stringify([body]),
        };
      },
      (status, body) => {
        const result = parseActionResult(body);
        return status === 200 && (refusedWith ? !result.ok && result.status === refusedWith : result.ok);
      },
    );
  // Agree/Disagree as the page sends them (decision 013).
  const voteCall = (argument: (n: number) => { claimId: string; value: ClaimVoteValue }) =>
    writeCall(
      "claim vote",
      (n) => {
        const { claimId, value } = argument(n);
        return claimVoteRequest(claimId, value, { origin });
      },
      (status, body) => status === 200 && (JSON.parse(body) as { ok?: boolean }).ok === true,
    );
  const signedIn = { headers: { ...BROWSER_HEADERS, cookie: clients[0].cookieHeader } };

  const results = [
    await measure("article page (largest article)", { url: `${appUrl}/articles/${largest.slug}` }),
    await measure(`claim page (${BENCH_CLAIM_SIZES.medium.toLocaleString("en")} responses)`, { url: `${appUrl}/claims/${mediumClaim.id}` }),
    await measure(`claim page (${BENCH_CLAIM_SIZES.large.toLocaleString("en")} responses)`, { url: `${appUrl}/claims/${largeClaim.id}` }),
    await measure(
      "vote write",
      voteCall((n) => ({ claimId: claims[n % claims.length], value: n % 2 ? "agree" : "disagree" })),
    ),
    await measure(
      "response write",
      actionCall("postResponseAction", (n) => ({
        claimId: claims[n % claims.length],
        parentId: null,
        stance: n % 2 ? "support" : "oppose",
        body: `Benchmark response number ${n}, written to measure posting.`,
      })),
    ),
    // The public API (decision 014): what a script reading a large debate asks for, a page at a time.
    await measure(`API: claim (${BENCH_CLAIM_SIZES.large.toLocaleString("en")} responses)`, { url: `${appUrl}/api/v1/claims/${largeClaim.id}` }),
    await measure(`API: 100 responses of that claim`, { url: `${appUrl}/api/v1/claims/${largeClaim.id}/responses?limit=100` }),
    // Signed-in readers get personal pages (their votes, their controls): rendered on every request.
    await measure("article page, signed in (rendered per request)", { url: `${appUrl}/articles/${largest.slug}`, ...signedIn }),
    await measure(`claim page (${BENCH_CLAIM_SIZES.medium.toLocaleString("en")} responses), signed in`, {
      url: `${appUrl}/claims/${mediumClaim.id}`,
      ...signedIn,
    }),
  ];
  if (refused.length) say(`${refused.length} writes were refused, e.g. ${refused[0]}`);
  const baselines = [
    await measure("Next.js static file (same server)", { url: `${appUrl}/robots.txt` }),
    await measure("node:http + pg, article main query", { url: `${bare.url}/articles/${largest.slug}` }),
    // The floor under any write: a signed-in server action that reads its session and is then refused
    // by input validation, before any work of its own.
    await measure(
      "server action, signed in, refused by validation",
      actionCall("voteOnResponseAction", (n) => ({ claimId: claims[n % claims.length], responseId: "none", value: "maybe" }), { refusedWith: 400 }),
    ),
  ];

  // Freshness: from an acknowledged write to its count on the article page.
  const countOf = async (claimId: string) => {
    const html = await (await fetch(`${appUrl}/articles/${largest.slug}`)).text();
    return Number(new RegExp(`data-claim-id="${claimId}"[\\s\\S]*?\\(claim: (\\d+) supporting`).exec(html)?.[1] ?? NaN);
  };
  const target = claims[0];
  const before = await countOf(target);
  await untilIdle();
  const started = performance.now();
  const { response: posted, text: answer } = await clients[0].callAction(
    { file: "app/claims/[id]/actions.ts", name: "postResponseAction", page: `/claims/${target}` },
    { claimId: target, parentId: null, stance: "support", body: "A response written to time how soon the article page shows it." },
  );
  const acknowledged =
    posted.status === 200 &&
    (() => {
      try {
        return parseActionResult(answer).ok;
      } catch {
        return false;
      }
    })();
  if (!acknowledged) say(`the freshness write was refused: ${posted.status} ${answer.slice(0, 200)}`);
  let freshness = acknowledged ? Infinity : NaN;
  while (acknowledged && performance.now() - started < 30_000) {
    if ((await countOf(target)) > before) {
      freshness = Math.round(performance.now() - started);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await app.stop();

  // The same article page with 1,000 responses in all: how much does 100 times the data cost?
  const small = await startApp(smallUrl);
  idleUrl = `${small.url}/robots.txt`;
  const smallArticle = await largestArticle(smallUrl);
  const [smallReader] = await signedInClients(small.url, 1, smallUrl);
  const scale = [
    await measure("article page at 1,000 responses", { url: `${small.url}/articles/${smallArticle.slug}` }),
    await measure("article page at 1,000 responses, signed in", {
      url: `${small.url}/articles/${smallArticle.slug}`,
      headers: { ...BROWSER_HEADERS, cookie: smallReader.cookieHeader },
    }),
  ];
  await small.stop();
  const growth = {
    "article page p50, 100,000 / 1,000 responses": Number(
      (results.find((result) => result.name.startsWith("article page (largest"))!.p50_ms / Math.max(1, scale[0].p50_ms)).toFixed(2),
    ),
    "article page signed in p50, 100,000 / 1,000 responses": Number(
      (results.find((result) => result.name.startsWith("article page, signed in"))!.p50_ms / Math.max(1, scale[1].p50_ms)).toFixed(2),
    ),
  };

  const ratios: Record<string, number> = {};
  for (const result of results) for (const baseline of baselines) ratios[`${result.name} / ${baseline.name}`] = Number((result.rps / baseline.rps).toFixed(3));
  // null freshness: the write was refused, or the page did not show it within 30 s.
  const report = {
    date: new Date().toISOString().slice(0, 10),
    connections,
    duration_s: duration,
    results,
    baselines,
    ratios,
    freshness_ms: Number.isFinite(freshness) ? freshness : null,
    standing_ms: { [`claim with ${BENCH_CLAIM_SIZES.large.toLocaleString("en")} responses (median)`]: await standingMedianMs(largeClaim.id) },
    scale,
    growth,
    refused_writes: refused.length,
  };
  if (values.json) console.log(JSON.stringify(report));
  else console.log(JSON.stringify(report, null, 2));
} finally {
  await app.stop().catch(() => undefined);
  await bare.close();
  await database.stop();
}
