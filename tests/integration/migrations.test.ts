import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, test } from "vitest";
import { findDrift } from "@/lib/db/drift";
import { migrate, MigrationError } from "@/lib/db/migrate";
import { SCHEMA_PATH } from "@/lib/db/schema-engine";
import { createDatabase, dropDatabase } from "@/lib/db/scratch";

const adminUrl = inject("pgAdminUrl");
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup) await step();
});

async function emptyDatabase() {
  const database = await createDatabase(adminUrl, { prefix: "migrations" });
  cleanup.push(() => dropDatabase(adminUrl, database.name));
  return database.url;
}

async function migrationsDir(files: Record<string, string>) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "arguably-migrations-"));
  cleanup.push(() => fs.rm(dir, { recursive: true, force: true }));
  for (const [name, sql] of Object.entries(files)) {
    await fs.mkdir(path.join(dir, name));
    await fs.writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrations and schema.prisma", () => {
  test("describe the same database (drift check)", async () => {
    const drift = await findDrift(adminUrl, await fs.readFile(SCHEMA_PATH, "utf8"));
    expect(drift, `Run \`npm run db:diff -- <name>\` to write a migration for:\n${drift.join("\n")}`).toEqual([]);
  });

  test("a schema change without a migration is reported as drift", async () => {
    const schema = await fs.readFile(SCHEMA_PATH, "utf8");
    const changed = schema.replace("  banReason     String?", "  banReason     String?\n  nickname      String?");
    expect(changed).not.toBe(schema);
    const drift = await findDrift(adminUrl, changed);
    expect(drift).toEqual([expect.stringContaining("User.nickname text")]);
  });
});

describe("the migration runner", () => {
  const first = "create table widget (id serial primary key, name text not null);";
  const second = "alter table widget add column colour text;";

  test("applies pending migrations in order, once, recorded in Prisma's history table", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsDir({ "20260101000000_widgets": first, "20260102000000_colour": second });
    expect(await migrate(url, { dir })).toEqual({ applied: ["20260101000000_widgets", "20260102000000_colour"], alreadyApplied: 0 });
    expect(await migrate(url, { dir })).toEqual({ applied: [], alreadyApplied: 2 });

    const history = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      `select migration_name, checksum, finished_at, applied_steps_count from "_prisma_migrations" order by started_at`,
    );
    expect(history.map((row) => row.migration_name)).toEqual(["20260101000000_widgets", "20260102000000_colour"]);
    expect(history[0].checksum).toBe(createHash("sha256").update(first).digest("hex"));
    expect(history.every((row) => row.finished_at !== null && row.applied_steps_count === 1)).toBe(true);
    expect(await query(url, "select colour from widget")).toEqual([]);
  });

  test("refuses, with a clear message, a migration edited after it was applied", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsDir({ "20260101000000_widgets": first });
    await migrate(url, { dir });
    await fs.writeFile(path.join(dir, "20260101000000_widgets", "migration.sql"), `${first}\n-- edited`);
    await expect(migrate(url, { dir })).rejects.toThrow(MigrationError);
    await expect(migrate(url, { dir })).rejects.toThrow(/20260101000000_widgets was changed after it was applied/);
  });

  test("a failing migration leaves nothing behind: no table, no history row", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsDir({
      "20260101000000_widgets": first,
      "20260102000000_broken": "create table gadget (id int); select * from no_such_table;",
    });
    await expect(migrate(url, { dir })).rejects.toThrow(/20260102000000_broken failed and was rolled back: .*no_such_table/);
    expect(await query(url, "select to_regclass('gadget') as t")).toEqual([{ t: null }]);
    const names = await query<{ migration_name: string }>(url, `select migration_name from "_prisma_migrations"`);
    expect(names.map((row) => row.migration_name)).toEqual(["20260101000000_widgets"]);
  });

  test("concurrent runs (two app instances starting at once) apply each migration exactly once", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsDir({ "20260101000000_widgets": first, "20260102000000_colour": second });
    const results = await Promise.all([1, 2, 3, 4].map(() => migrate(url, { dir })));
    expect(results.flatMap((result) => result.applied).sort()).toEqual(["20260101000000_widgets", "20260102000000_colour"]);
    expect(await query(url, `select count(*)::int as n from "_prisma_migrations"`)).toEqual([{ n: 2 }]);
  });

  test("a database migrated by a newer checkout is refused rather than guessed at", async () => {
    const url = await emptyDatabase();
    await migrate(url, { dir: await migrationsDir({ "20260101000000_widgets": first, "20260102000000_colour": second }) });
    await expect(migrate(url, { dir: await migrationsDir({ "20260101000000_widgets": first }) })).rejects.toThrow(/does not know: 20260102000000_colour/);
  });
});
