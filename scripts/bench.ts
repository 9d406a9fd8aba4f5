// npm run -s bench -- [--json] [--duration 10] [--connections 20]: the production build on the bench
// database (npm run bench:seed; built with defaults if missing), measured with autocannon in one run:
// the largest article's page, a claim page with 2,000 responses, a vote write, a response write, and
// two baselines under the same conditions: a static file of the same Next.js server, and a bare
// node:http + pg server running the article page's main query. Prints one JSON object (see issue 7).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { findFreePort } from "@/lib/db/embedded";
import { queryRows, withDatabaseName } from "@/lib/db/scratch";
import { BENCH_CLAIM_SIZES, BENCH_DATABASE, BENCH_PASSWORD, buildBenchDatabase } from "./lib/bench-data";
import { ensureProductionBuild } from "./lib/build";
import { HttpClient, parseActionResult, serverActionHeaders, waitUntilServing } from "./lib/http-client";
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

async function measure(name: string, options: autocannon.Options): Promise<Figure> {
  await untilIdle();
  say(`measuring ${name} (${connections} connections, ${duration} s)`);
  // A generous timeout: a slow page must show up as latency, not vanish as a dropped request.
  const result = await autocannon({ connections, duration, timeout: 120, ...options });
  const measured = figure(name, result);
  if (measured.errors) say(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} connection errors, ${result.timeouts} timeouts`);
  return measured;
}

const ARTICLE_QUERY = `
  select a.id, a.slug, a.title, a.byline, a.body, a.blocks,
    (select coalesce(json_agg(json_build_object('id', c.id, 'start', c.start, 'end', c."end", 'text', c.text,
        'supporting', (select count(*) from "Response" r where r."claimId" = c.id and r."parentId" is null and r.stance = 'support'),
        'opposing', (select count(*) from "Response" r where r."claimId" = c.id and r."parentId" is null and r.stance = 'oppose'))
      order by c.start), '[]') from "Claim" c where c."articleId" = a.id) as claims
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
const benchUrl = withDatabaseName(database.url, BENCH_DATABASE);
const sql = <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => queryRows<T>(benchUrl, text, params);
const exists = await sql(`select 1`).then(() => true, () => false);
if (!exists || (await sql<{ n: number }>(`select count(*)::int as n from "Response"`))[0].n === 0) {
  say("no bench database yet: building one with the defaults (npm run bench:seed)");
  await buildBenchDatabase(database.url, { responses: 100_000, votes: 500_000 });
}

const [largest] = await sql<{ slug: string; id: string }>(
  `select a.slug, a.id from "Article" a join "Claim" c on c."articleId" = a.id join "Response" r on r."claimId" = c.id group by a.id order by count(*) desc limit 1`,
);
const [mediumClaim] = await sql<{ id: string }>(
  `select "claimId" as id from "Response" group by 1 order by abs(count(*) - $1) limit 1`,
  [BENCH_CLAIM_SIZES.medium],
);

const port = await findFreePort();
const appUrl = `http://127.0.0.1:${port}`;
const serverEnv = {
  ...process.env,
  NODE_ENV: "production" as const,
  PORT: String(port),
  HOST: "127.0.0.1",
  DATABASE_URL: benchUrl,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  NEXTAUTH_URL: appUrl,
  NEXT_TELEMETRY_DISABLED: "1",
};
await ensureProductionBuild(serverEnv, say, { toStderr: true });
const server = spawn(process.execPath, ["scripts/server.mjs"], { env: serverEnv, stdio: ["ignore", "ignore", "inherit"] });
process.once("exit", () => server.kill("SIGKILL"));
await waitUntilServing(`${appUrl}/robots.txt`, server);
const bare = await startBareServer(benchUrl);
idleUrl = `${appUrl}/robots.txt`;

try {
  // One signed-in reader per connection for the writes.
  const users = await sql<{ email: string }>(`select email from "User" where id like 'bench-user-%' order by id limit $1`, [connections]);
  const clients = await Promise.all(
    users.map(async ({ email }) => {
      const client = new HttpClient(appUrl);
      await client.signIn(email, BENCH_PASSWORD);
      return client;
    }),
  );
  const origin = new URL(appUrl).origin;
  const claims = (await sql<{ id: string }>(`select id from "Claim" where "articleId" = $1 order by start`, [largest.id])).map((row) => row.id);
  let nextClient = 0;
  let writes = 0;
  const refused: string[] = [];
  const actionCall = (name: string, argument: (n: number) => unknown) => ({
    url: appUrl,
    requests: [
      {
        setupRequest(request: autocannon.Request, context: { cookie?: string }) {
          context.cookie ??= clients[nextClient++ % clients.length].cookieHeader;
          writes += 1;
          const body = argument(writes) as { claimId: string };
          return {
            ...request,
            method: "POST" as const,
            path: `/claims/${body.claimId}`,
            headers: { ...serverActionHeaders("app/claims/[id]/actions.ts", name, origin), cookie: context.cookie },
            body: JSON.stringify([body]),
          };
        },
        onResponse(status: number, body: string) {
          // Thrown here, an error would kill autocannon mid-run; counted, it fails the run afterwards.
          let ok = false;
          try {
            ok = status === 200 && parseActionResult(body).ok;
          } catch {}
          if (!ok) refused.push(`${name}: ${status} ${body.slice(0, 200)}`);
        },
      },
    ],
    initialContext: {},
  });

  const results = [
    await measure("article page (largest article)", { url: `${appUrl}/articles/${largest.slug}` }),
    await measure(`claim page (${BENCH_CLAIM_SIZES.medium.toLocaleString("en")} responses)`, { url: `${appUrl}/claims/${mediumClaim.id}` }),
    await measure("vote write", actionCall("voteOnClaimAction", (n) => ({ claimId: claims[n % claims.length], value: n % 2 ? "agree" : "disagree" }))),
    await measure(
      "response write",
      actionCall("postResponseAction", (n) => ({ claimId: claims[n % claims.length], parentId: null, stance: n % 2 ? "support" : "oppose", body: `Benchmark response number ${n}, written to measure posting.` })),
    ),
  ];
  if (refused.length) say(`${refused.length} writes were refused, e.g. ${refused[0]}`);
  const baselines = [
    await measure("Next.js static file (same server)", { url: `${appUrl}/robots.txt` }),
    await measure("node:http + pg, article main query", { url: `${bare.url}/articles/${largest.slug}` }),
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
  const acknowledged = posted.status === 200 && (() => {
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

  const ratios: Record<string, number> = {};
  for (const result of results) for (const baseline of baselines) ratios[`${result.name} / ${baseline.name}`] = Number((result.rps / baseline.rps).toFixed(3));
  // null freshness: the write was refused, or the page did not show it within 30 s.
  const report = { date: new Date().toISOString().slice(0, 10), connections, duration_s: duration, results, baselines, ratios, freshness_ms: Number.isFinite(freshness) ? freshness : null };
  if (values.json) console.log(JSON.stringify(report));
  else console.log(JSON.stringify(report, null, 2));
} finally {
  server.kill("SIGTERM");
  await bare.close();
  await database.stop();
}
