// What every entry point (npm start, npm run dev, the db: scripts) needs before it can work:
// configuration, a database, its migrations, and the auth secret.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { dataDir, loadDotEnv, parseServerEnv, type ServerEnv } from "@/lib/env";

export function log(message: string) {
  console.log(`arguably: ${message}`);
}

/** Loads `.env` (if present) without overriding what the shell set, and validates the environment. */
export function loadEnvironment(): ServerEnv {
  loadDotEnv();
  return parseServerEnv();
}

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

function describeTarget(url: string) {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "DATABASE_URL";
  }
}

/** Fails with one readable line when the configured server cannot be reached. */
export async function checkReachable(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    throw new Error(`cannot connect to PostgreSQL at ${describeTarget(url)} (${reason}). Check DATABASE_URL and that the server is running.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** DATABASE_URL when set; otherwise the embedded server in DATA_DIR/postgres, started or reused. */
export async function openDatabase(env: ServerEnv, report: (message: string) => void = log): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    await checkReachable(env.DATABASE_URL);
    return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir(env), "postgres"), log: report });
  report(
    server.reused
      ? "reusing the embedded PostgreSQL server that another Arguably process started"
      : "embedded PostgreSQL started (data in " + path.join(env.DATA_DIR, "postgres") + ")",
  );
  await ensureDatabase(server.adminUrl, "arguably");
  return { url: server.urlFor("arguably"), embedded: true, stop: () => server.stop() };
}

export async function migrateDatabase(url: string, report: (message: string) => void = log) {
  const result = await migrate(url, { log: report });
  if (result.applied.length === 0) report(`database schema up to date (${result.alreadyApplied} migrations)`);
}

/**
 * AUTH_SECRET signs session tokens. Production with a database of your own must set it; the embedded
 * default generates one into DATA_DIR so a newcomer needs no configuration.
 */
export function resolveAuthSecret(env: ServerEnv, { embedded, production }: { embedded: boolean; production: boolean }) {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (production && !embedded) {
    throw new Error("AUTH_SECRET is required in production. Generate one with: openssl rand -base64 32");
  }
  const file = path.join(dataDir(env), "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    log(`NOTICE: AUTH_SECRET is not set; generated one into ${path.relative(process.cwd(), file)}. Set AUTH_SECRET for a real deployment.`);
  } else {
    log(`using the generated AUTH_SECRET in ${path.relative(process.cwd(), file)} (set AUTH_SECRET to override)`);
  }
  return fs.readFileSync(file, "utf8").trim();
}
