// What the load and fault runs stand on: their own embedded PostgreSQL in a temporary directory, the
// migrated schema with the demo articles, many old accounts (so new-account brakes do not apply),
// the production build served by server/ (startAppServer) on loopback, and one signed-in client per account.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { ensureDatabase, findFreePort, startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { queryRows } from "@/lib/db/scratch";
import { ensureProductionBuild } from "@/scripts/lib/build";
import { HttpClient } from "@/scripts/lib/http-client";
import { startAppServer, waitUntilServing, type AppServerProcess } from "@/server/start-app-server";

export interface Account {
  id: string;
  email: string;
  client: HttpClient;
}

export interface Harness {
  appUrl: string;
  databaseUrl: string;
  accounts: Account[];
  claims: { id: string; articleId: string }[];
  articleSlugs: string[];
  /** A thread hidden by a moderator before the run: its text must never be served (decision 015). */
  withheld: { claimId: string; texts: string[] };
  sql<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  server(): ChildProcess;
  /** The end of what the server wrote to stderr (its error log), for a failure report. */
  serverLogTail(lines?: number): string;
  startServer(): Promise<void>;
  stopDatabase(): Promise<void>;
  startDatabase(): Promise<void>;
  close(): Promise<void>;
}

export const log = (message: string) => console.log(`reliability: ${message}`);

const PASSWORD = "load test password 1";

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let index = 0; index < items.length; index += size) results.push(...(await Promise.all(items.slice(index, index + size).map(work))));
  return results;
}

export async function startHarness({ accounts: accountCount }: { accounts: number }): Promise<Harness> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "arguably-reliability-"));
  const dataDir = path.join(directory, "postgres");
  let database: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir, log: () => undefined });
  await ensureDatabase(database.adminUrl, "arguably");
  const databaseUrl = database.urlFor("arguably");
  await migrate(databaseUrl, { log: () => undefined });

  const { seedDemoArticlesInto } = await import("@/scripts/lib/seed-demo");
  await seedDemoArticlesInto(databaseUrl);

  const sql = <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => queryRows<T>(databaseUrl, text, values);

  // Limits sized for a crowd on one machine: the run measures the app, not the brakes.
  await sql(
    `insert into "Setting" (key, value, "updatedAt") values ('votesPerMinute', 100000, now()), ('responsesPer10Minutes', 100000, now())
     on conflict (key) do update set value = excluded.value`,
  );
  const passwordHash = await hashPassword(PASSWORD);
  const rows = await sql<{ id: string; email: string }>(
    `insert into "User" (id, email, name, "passwordHash", "createdAt", "updatedAt")
     select 'load-' || n, 'load-' || n || '@example.com', 'Load tester ' || n, $1, now() - interval '30 days', now()
     from generate_series(1, $2::int) as n returning id, email`,
    [passwordHash, accountCount],
  );
  const claims = await sql<{ id: string; articleId: string }>(`select id, "articleId" from "Claim" order by "articleId", start`);
  const withheld = { claimId: claims[0].id, texts: [`WITHHELD-${randomBytes(6).toString("hex")}`, `WITHHELD-REPLY-${randomBytes(6).toString("hex")}`] };
  // Written by people who take no part in the run: an author sees their own hidden response (decision
  // 015), so a load account as author would count its own view as a leak.
  await sql(
    `insert into "User" (id, email, name, "createdAt", "updatedAt") values
       ('withheld-author-1', 'withheld-author-1@example.com', 'Withheld author 1', now(), now()),
       ('withheld-author-2', 'withheld-author-2@example.com', 'Withheld author 2', now(), now())`,
  );
  await sql(
    `insert into "Response" (id, "claimId", "parentId", stance, "authorId", body) values
       ('withheld-1', $1, null, 'oppose', 'withheld-author-1', $2 || ' is under review.'),
       ('withheld-2', $1, 'withheld-1', 'support', 'withheld-author-2', $3 || ' answers it.')`,
    [withheld.claimId, withheld.texts[0], withheld.texts[1]],
  );
  // As the app writes them, each author follows their response; and two readers of the run followed
  // the thread before it was hidden: their bell must not carry its text.
  await sql(
    `insert into "Follow" (id, "userId", "responseId") values
       ('withheld-follow-1', 'withheld-author-1', 'withheld-1'), ('withheld-follow-2', 'withheld-author-2', 'withheld-2'),
       ('withheld-follow-3', 'load-1', 'withheld-1'), ('withheld-follow-4', 'load-2', 'withheld-2')`,
  );
  await sql(`update "Response" set "hiddenAt" = now() where id = 'withheld-1'`);
  const articleSlugs = (await sql<{ slug: string }>(`select slug from "Article" order by slug`)).map((row) => row.slug);

  const port = await findFreePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const authSecret = randomBytes(32).toString("base64url");
  await ensureProductionBuild({ authSecret, log });
  let server: AppServerProcess;
  let serverLog = "";
  const startServer = async () => {
    server = await startAppServer({ databaseUrl, port, host: "127.0.0.1", authSecret, appUrl, stdio: ["ignore", "ignore", "pipe"], waitUntilServing: false });
    server.child.stderr!.on("data", (chunk: Buffer) => {
      serverLog = (serverLog + chunk.toString()).slice(-64 * 1024);
      // RELIABILITY_SERVER_LOG=file keeps the server's whole error log, for digging into a failure.
      if (process.env.RELIABILITY_SERVER_LOG) appendFileSync(process.env.RELIABILITY_SERVER_LOG, chunk);
    });
    await waitUntilServing(appUrl, server.child);
  };
  // However this run ends, the server must not outlive it.
  process.once("exit", () => server?.child.kill("SIGKILL"));
  await startServer();

  log(`signing in ${rows.length} accounts`);
  const accounts = await inBatches(rows, 8, async (row) => {
    const client = new HttpClient(appUrl);
    const response = await client.signIn(row.email, PASSWORD);
    if (response.status !== 200 || !client.cookieHeader.includes("session-token")) throw new Error(`sign-in failed for ${row.email}`);
    return { ...row, client };
  });

  return {
    appUrl,
    databaseUrl,
    accounts,
    claims,
    articleSlugs,
    withheld,
    sql,
    server: () => server.child,
    serverLogTail: (lines = 40) => serverLog.split("\n").slice(-lines).join("\n"),
    startServer,
    async stopDatabase() {
      await database.stop();
    },
    async startDatabase() {
      database = await startEmbeddedPostgres({ dataDir, log: () => undefined });
      if (database.urlFor("arguably") !== databaseUrl) throw new Error("PostgreSQL came back on another port");
    },
    async close() {
      await server.stop();
      await database.stop();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

/** The invariants a half-done write would break; each query returns the offending rows. */
export const CONSISTENCY_CHECKS: Record<string, string> = {
  "a response without its author's follow (written in the same transaction)": `select r.id from "Response" r where not exists (select 1 from "Follow" f where f."responseId" = r.id and f."userId" = r."authorId")`,
  "a reply whose parent is on another claim": `select r.id from "Response" r join "Response" p on p.id = r."parentId" where p."claimId" <> r."claimId"`,
  "an edited response without the revision that keeps its old text": `select r.id from "Response" r where r."editedAt" is not null and r."deletedAt" is null and not exists (select 1 from "ResponseRevision" v where v."responseId" = r.id)`,
  "a response posted twice from one submission": `select "authorId", "submissionKey" from "Response" where "submissionKey" is not null group by 1, 2 having count(*) > 1`,
};

export async function findInconsistencies(harness: Pick<Harness, "sql" | "databaseUrl">): Promise<string[]> {
  const problems: string[] = [];
  for (const [name, query] of Object.entries(CONSISTENCY_CHECKS)) {
    const rows = await harness.sql(query);
    if (rows.length) problems.push(`${rows.length} × ${name}`);
  }
  const drift = await statisticsDrift(harness.databaseUrl);
  if (drift) problems.push(`${drift} × debate counts or strengths that differ from a recompute from scratch (what readers see: decision 015)`);
  return problems;
}

/**
 * The statistics the triggers kept, against a recompute from scratch in the same transaction, which is
 * then rolled back: the number of responses and claims whose counts, strength or withheld mark differ.
 */
async function statisticsDrift(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Writers still finishing (requests in flight when the run stopped) commit first; then none start.
    await client.query("begin");
    await client.query(`lock table "Response", "Claim", "ResponseVote", "ClaimVote" in share row exclusive mode`);
    await client.query(`create temp table kept_responses on commit drop as select id, supporters, opposers, strength, "withheldAbove" from "Response"`);
    await client.query(`create temp table kept_claims on commit drop as select id, "supportCount", "opposeCount", "responseCount", standing from "Claim"`);
    await client.query("select arguably_recompute_debate_stats()");
    const { rows } = await client.query<{ drift: number }>(`
      select (select count(*) from "Response" r join kept_responses k using (id)
              where (r.supporters, r.opposers, r."withheldAbove") is distinct from (k.supporters, k.opposers, k."withheldAbove") or abs(r.strength - k.strength) > 1e-9)
           + (select count(*) from "Claim" c join kept_claims k using (id)
              where (c."supportCount", c."opposeCount", c."responseCount") is distinct from (k."supportCount", k."opposeCount", k."responseCount") or abs(c.standing - k.standing) > 1e-9) as drift`);
    return Number(rows[0].drift);
  } finally {
    await client.query("rollback").catch(() => undefined);
    await client.end();
  }
}
