// The job queue's tables: graphile-worker keeps its own schema (graphile_worker) with its own
// migrations, applied right after ours by lib/db/migrate.ts. Decision 019.
import { runMigrations } from "graphile-worker";
import { quietJobLogger } from "./logger";

export async function migrateJobQueue(databaseUrl: string) {
  await runMigrations({ connectionString: databaseUrl, logger: quietJobLogger });
}
