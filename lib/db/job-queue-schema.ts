// The job queue's tables: graphile-worker keeps its own schema (graphile_worker) with its own
// migrations, applied right after ours by ./migrate.ts, so every path that migrates gets them.
// Decision 019.
import { Logger, runMigrations } from "graphile-worker";

const warningsOnly = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`arguably: job queue schema: ${message}`);
});

export async function migrateJobQueue(databaseUrl: string) {
  await runMigrations({ connectionString: databaseUrl, logger: warningsOnly });
}
