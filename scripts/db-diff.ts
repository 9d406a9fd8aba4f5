// npm run db:diff -- <name> — writes the next migration from your change to prisma/schema.prisma.
//
// Prisma's `migrate dev` needs a native engine that cannot be downloaded here, and the WebAssembly
// engine cannot introspect a live database, so the "before" schema is a snapshot kept beside the
// migrations (prisma/migrations/schema-snapshot.prisma). Before trusting it, we check that the snapshot
// and the migrations build the same database. See docs/decisions/001-migrations-offline.md.
import fs from "node:fs/promises";
import path from "node:path";
import { findDrift } from "@/lib/db/drift";
import { MIGRATIONS_DIR } from "@/lib/db/migrate";
import { diffSchemas, isEmptyDiff, SCHEMA_PATH } from "@/lib/db/schema-engine";
import { withDatabaseName } from "@/lib/db/scratch";
import { loadEnvironment, log, openDatabase } from "./lib/runtime";

const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, "schema-snapshot.prisma");

function timestamp(date = new Date()) {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]{1,60}$/.test(name)) {
    throw new Error("usage: npm run db:diff -- <name>   (name: lowercase letters, digits and underscores, e.g. add_claims)");
  }
  const schema = await fs.readFile(SCHEMA_PATH, "utf8");
  const snapshot = await fs.readFile(SNAPSHOT_PATH, "utf8").catch(() => null);

  const env = loadEnvironment();
  const database = await openDatabase(env);
  try {
    const adminUrl = withDatabaseName(database.url, "postgres");
    if (snapshot !== null) {
      const drift = await findDrift(adminUrl, snapshot);
      if (drift.length) {
        throw new Error(`prisma/migrations/schema-snapshot.prisma does not match the migrations, so a diff from it would be wrong:\n  ${drift.join("\n  ")}`);
      }
    }
    const sql = await diffSchemas(adminUrl, snapshot, schema);
    if (isEmptyDiff(sql)) {
      log("schema.prisma matches the last migration; nothing to write.");
      return;
    }
    const directory = path.join(MIGRATIONS_DIR, `${timestamp()}_${name}`);
    await fs.mkdir(directory, { recursive: true });
    await fs.writeFile(path.join(directory, "migration.sql"), sql);
    await fs.writeFile(SNAPSHOT_PATH, schema);
    log(`wrote ${path.relative(process.cwd(), directory)}/migration.sql — review it, then run npm run db:migrate`);
  } finally {
    await database.stop();
  }
}

main().catch((error: Error) => {
  console.error(`arguably: ${error.message}`);
  process.exit(1);
});
