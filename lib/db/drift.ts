// Do the migrations and a Prisma schema describe the same database? Applies each to its own scratch
// database and compares the catalogs. Works offline (no native Prisma engine).
import { compareCatalogs, readCatalog } from "./catalog";
import { migrate } from "./migrate";
import { diffSchemas } from "./schema-engine";
import { createDatabase, dropDatabase, runSql } from "./scratch";

export async function findDrift(adminUrl: string, schema: string, migrationsDir?: string): Promise<string[]> {
  const fromMigrations = await createDatabase(adminUrl, { prefix: "drift_migrations" });
  const fromSchema = await createDatabase(adminUrl, { prefix: "drift_schema" });
  try {
    await migrate(fromMigrations.url, migrationsDir ? { dir: migrationsDir } : {});
    await runSql(fromSchema.url, await diffSchemas(adminUrl, null, schema));
    return compareCatalogs(await readCatalog(fromSchema.url), await readCatalog(fromMigrations.url));
  } finally {
    await dropDatabase(adminUrl, fromMigrations.name);
    await dropDatabase(adminUrl, fromSchema.name);
  }
}
