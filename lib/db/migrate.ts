// Applies prisma/migrations without the Prisma CLI, whose native engine cannot be downloaded here.
// It keeps Prisma's layout (`prisma/migrations/<timestamp>_<name>/migration.sql`) and Prisma's history
// table `_prisma_migrations` with the same checksums, so `prisma migrate deploy` stays interchangeable
// wherever the engine is available. See docs/decisions/001-migrations-offline.md.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { migrateJobQueue } from "./job-queue-schema";

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma", "migrations");

/** Arbitrary but fixed: every Arguably process that migrates takes this advisory lock first. */
const MIGRATION_LOCK_ID = 7_240_311_902;

export class MigrationError extends Error {
  override name = "MigrationError";
}

export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readLocalMigrations(dir = MIGRATIONS_DIR): Promise<LocalMigration[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await fs.readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

// The exact table Prisma creates, so its CLI recognises the history.
const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Brings the database at `databaseUrl` up to date. Holds an advisory lock so concurrent launches
 * apply each migration once; applies each pending migration in its own transaction, so a failing one
 * leaves no trace and the database at the previous migration.
 */
export async function migrate(
  databaseUrl: string,
  { dir = MIGRATIONS_DIR, log = () => {} }: { dir?: string; log?: (message: string) => void } = {},
): Promise<MigrateResult> {
  const local = await readLocalMigrations(dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await client.query(CREATE_HISTORY_TABLE);
    const { rows } = await client.query<AppliedRow>(`select migration_name, checksum, finished_at from "_prisma_migrations" where rolled_back_at is null`);
    const recorded = new Map(rows.map((row) => [row.migration_name, row]));
    checkHistory(local, recorded);

    const pending = local.filter((migration) => !recorded.has(migration.name));
    for (const migration of pending) {
      log(`Applying migration ${migration.name}`);
      await applyOne(client, migration);
    }
    // The job queue's own schema (graphile_worker), versioned by graphile-worker itself: decision 019.
    await migrateJobQueue(databaseUrl);
    return { applied: pending.map((m) => m.name), alreadyApplied: local.length - pending.length };
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}

function checkHistory(local: LocalMigration[], recorded: Map<string, AppliedRow>) {
  for (const migration of local) {
    const row = recorded.get(migration.name);
    if (!row) continue;
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration ${migration.name} is recorded as started but never finished. ` +
          `Inspect the database, then mark it rolled back in "_prisma_migrations" before migrating again.`,
      );
    }
    if (row.checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.name} was changed after it was applied ` +
          `(checksum in database ${row.checksum.slice(0, 12)}…, on disk ${migration.checksum.slice(0, 12)}…). ` +
          `Restore the original prisma/migrations/${migration.name}/migration.sql and put the change in a new migration.`,
      );
    }
  }
  const localNames = new Set(local.map((m) => m.name));
  const unknown = [...recorded.keys()].filter((name) => !localNames.has(name));
  if (unknown.length) {
    throw new MigrationError(
      `The database has migrations this checkout does not know: ${unknown.join(", ")}. ` +
        `It was migrated by a newer version of Arguably; update your checkout.`,
    );
  }
}

async function applyOne(client: pg.Client, migration: LocalMigration) {
  const id = randomUUID();
  try {
    await client.query("begin");
    await client.query(`insert into "_prisma_migrations" (id, checksum, migration_name, started_at) values ($1, $2, $3, now())`, [
      id,
      migration.checksum,
      migration.name,
    ]);
    await client.query(migration.sql);
    await client.query(`update "_prisma_migrations" set finished_at = now(), applied_steps_count = 1 where id = $1`, [id]);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
  }
}
