// The job queue's tables: graphile-worker keeps its own schema (graphile_worker) with its own
// migrations, applied right after ours by ./migrate.ts, so every path that migrates gets them.
// Decision 019.
import { Logger, runMigrations } from "graphile-worker";

/** graphile-worker logs every job at info level; Arguably's console gets its warnings and errors only. */
export const jobQueueLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`arguably: jobs: ${message}`);
});

export async function migrateJobQueue(databaseUrl: string) {
  await runMigrations({ connectionString: databaseUrl, logger: jobQueueLogger });
}
