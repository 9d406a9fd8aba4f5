// What the load and fault runs stand on: their own embedded PostgreSQL in a temporary directory, the
// migrated schema with the demo articles, many old accounts (so new-account brakes do not apply),
// the production build served by scripts/server.mjs on loopback, and one signed-in client per account.
import { spawn, type ChildProcess } from "node:child_process";
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
import { HttpClient, waitUntilServing } from "@/scripts/lib/http-client";

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
  const articleSlugs = (await sql<{ slug: string }>(`select slug from "Article" order by slug`)).map((row) => row.slug);

  const port = await findFreePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: appUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  await ensureProductionBuild(env, log);
  let server: ChildProcess;
  let serverLog = "";
  const startServer = async () => {
    server = spawn(process.execPath, ["scripts/server.mjs"], { env, stdio: ["ignore", "ignore", "pipe"] });
    server.stderr!.on("data", (chunk: Buffer) => {
      serverLog = (serverLog + chunk.toString()).slice(-64 * 1024);
      // RELIABILITY_SERVER_LOG=file keeps the server's whole error log, for digging into a failure.
      if (process.env.RELIABILITY_SERVER_LOG) appendFileSync(process.env.RELIABILITY_SERVER_LOG, chunk);
    });
    await waitUntilServing(appUrl, server);
  };
  // However this run ends, the server must not outlive it.
  process.once("exit", () => server?.kill("SIGKILL"));
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
    sql,
    server: () => server,
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
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      }
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

export async function findInconsistencies(harness: Pick<Harness, "sql">): Promise<string[]> {
  const problems: string[] = [];
  for (const [name, query] of Object.entries(CONSISTENCY_CHECKS)) {
    const rows = await harness.sql(query);
    if (rows.length) problems.push(`${rows.length} × ${name}`);
  }
  return problems;
}
