// Backups with PostgreSQL's own tools: pg_dump writes a custom-format archive; a restore replays it
// into the database in ONE transaction (pg_restore → psql --single-transaction), so a failed restore
// leaves the database exactly as it was. See docs/decisions/008-backups.md.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { environmentWith, serverEnv } from "@/lib/env";

const execFileAsync = promisify(execFile);

export class BackupError extends Error {}

type Tool = "pg_dump" | "pg_restore" | "psql" | "pg_basebackup";

/** libpq's environment variables instead of a URL on the command line, which `ps` would show. */
export function libpqEnvironment(url: string): NodeJS.ProcessEnv {
  const parsed = new URL(url);
  const sslmode = parsed.searchParams.get("sslmode");
  return environmentWith({
    PGHOST: parsed.hostname,
    PGPORT: parsed.port || "5432",
    PGUSER: decodeURIComponent(parsed.username),
    PGPASSWORD: decodeURIComponent(parsed.password),
    PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)),
    PGSSLMODE: sslmode ?? undefined,
    PGAPPNAME: "arguably-backup",
  });
}

export async function serverMajorVersion(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("show server_version_num");
    return Math.floor(Number(rows[0].server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

/**
 * Finds a client tool from PG_BIN_DIR or PATH whose major version can handle the server's: pg_dump
 * refuses servers newer than itself, and says so less helpfully than we can.
 */
export async function findTool(tool: Tool, serverMajor: number): Promise<string> {
  const binDir = serverEnv().PG_BIN_DIR;
  const candidate = binDir ? path.join(binDir, tool) : tool;
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync(candidate, ["--version"]));
  } catch {
    throw new BackupError(
      `${tool} was not found${binDir ? ` in PG_BIN_DIR (${binDir})` : " on PATH"}. ` +
        `Install PostgreSQL ${serverMajor} client tools (Debian/Ubuntu: apt-get install postgresql-client-${serverMajor}) ` +
        `or set PG_BIN_DIR to their directory.`,
    );
  }
  const toolMajor = Number(/(\d+)(?:\.\d+)?/.exec(stdout)?.[1]);
  if (!(toolMajor >= serverMajor)) {
    throw new BackupError(
      `${candidate} is PostgreSQL ${toolMajor}, older than the server (PostgreSQL ${serverMajor}). ` +
        `Install client tools of version ${serverMajor} or newer, or set PG_BIN_DIR to their directory.`,
    );
  }
  return candidate;
}

export interface BackupResult {
  file: string;
  bytes: number;
  tables: number;
}

/** Dumps the database at `url` to `file` (custom format). Written beside, then renamed: never half a file. */
export async function backupDatabase(url: string, file: string): Promise<BackupResult> {
  const major = await serverMajorVersion(url);
  const pgDump = await findTool("pg_dump", major);
  const pgRestore = await findTool("pg_restore", major);
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  try {
    await execFileAsync(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`], {
      env: libpqEnvironment(url),
      maxBuffer: 16 * 1024 * 1024,
    });
    // Read the archive back before calling it a backup.
    const { stdout } = await execFileAsync(pgRestore, ["--list", partial], { maxBuffer: 64 * 1024 * 1024 });
    const tables = stdout.split("\n").filter((line) => / TABLE DATA /.test(line)).length;
    await fs.rename(partial, file);
    const { size } = await fs.stat(file);
    return { file, bytes: size, tables };
  } catch (error) {
    await fs.rm(partial, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`pg_dump failed: ${firstLines((error as { stderr?: string }).stderr ?? (error as Error).message)}`);
  }
}

/** Other sessions on the target: restoring under a running app would swap data beneath its requests. */
export async function otherConnections(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
    );
    return Number(rows[0].count);
  } finally {
    await client.end();
  }
}

/**
 * Replaces everything in the target database's public and job-queue schemas with the archive's contents, atomically:
 * the schema is dropped and rebuilt inside the same transaction as the data load, and any error rolls
 * the whole restore back.
 */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  await fs.access(file).catch(() => {
    throw new BackupError(`no backup file at ${file}`);
  });
  const major = await serverMajorVersion(url);
  const pgRestore = await findTool("pg_restore", major);
  const psql = await findTool("psql", major);
  try {
    await execFileAsync(pgRestore, ["--list", file], { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new BackupError(`${file} is not a backup made by db:backup (${firstLines((error as { stderr?: string }).stderr ?? "")})`);
  }

  const env = libpqEnvironment(url);
  const restoreScript = spawn(pgRestore, ["--no-owner", "--no-privileges", "--file=-", file], { env });
  const apply = spawn(psql, ["--quiet", "--no-psqlrc", "--single-transaction", "--set=ON_ERROR_STOP=1", "--file=-"], {
    env,
    stdio: ["pipe", "ignore", "pipe"],
  });
  let applyErrors = "";
  let scriptErrors = "";
  apply.stderr!.on("data", (chunk: Buffer) => (applyErrors += chunk));
  restoreScript.stderr.on("data", (chunk: Buffer) => (scriptErrors += chunk));
  // pg_dump leaves `public` out of the archive (every database has one): rebuild it empty first, in
  // the same transaction, so nothing of the old contents survives next to the restored ones. The job
  // queue's schema (decision 019) is in the archive: its jobs belong to the backup's moment, like the rest.
  apply.stdin!.write(
    "set client_min_messages = warning;\ndrop schema if exists public cascade;\ndrop schema if exists graphile_worker cascade;\ncreate schema public;\n",
  );
  restoreScript.stdout.pipe(apply.stdin!);
  const [scriptCode, applyCode] = await Promise.all([exitCode(restoreScript), exitCode(apply)]);
  if (scriptCode !== 0) throw new BackupError(`pg_restore failed: ${firstLines(scriptErrors)}`);
  if (applyCode !== 0) {
    const errors =
      applyErrors
        .split("\n")
        .filter((line) => /ERROR|FATAL/.test(line))
        .join("\n") || applyErrors;
    throw new BackupError(`restore failed and was rolled back: ${firstLines(errors)}`);
  }
}

function exitCode(child: ReturnType<typeof spawn>) {
  return new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
}

function firstLines(text: string) {
  return text.trim().split("\n").slice(0, 3).join(" | ") || "no output";
}
