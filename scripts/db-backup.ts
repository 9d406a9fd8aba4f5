// npm run db:backup -- [--output FILE]: a pg_dump archive of DATABASE_URL, or of the embedded database.
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "@/lib/db/backup";
import { loadEnvironment, log, openDatabase } from "./lib/runtime";

const { values } = parseArgs({ options: { output: { type: "string", short: "o" } } });
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
const file = values.output ?? path.join("backups", `arguably-${stamp}.dump`);

const env = loadEnvironment();
const database = await openDatabase(env, () => undefined);
try {
  const result = await backupDatabase(database.url, file);
  log(`backup written to ${result.file} (${(result.bytes / 1024).toFixed(0)} KiB, ${result.tables} tables)`);
  log(`restore it with: npm run db:restore -- ${result.file} --yes`);
} catch (error) {
  console.error(`arguably: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
