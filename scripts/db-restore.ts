// npm run db:restore -- FILE --yes: replaces the database's contents with a db:backup archive, in one
// transaction. Refuses while other sessions (a running app) use the database, unless --force.
import { parseArgs } from "node:util";
import { otherConnections, restoreDatabase } from "@/lib/db/backup";
import { loadEnvironment, log, migrateDatabase, openDatabase } from "./lib/runtime";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { yes: { type: "boolean", default: false }, force: { type: "boolean", default: false } },
});

function fail(message: string): never {
  console.error(`arguably: ${message}`);
  process.exit(2);
}

if (positionals.length !== 1) fail("usage: npm run db:restore -- <backup-file> --yes [--force]");
const [file] = positionals;

const env = loadEnvironment();
const database = await openDatabase(env, () => undefined);
try {
  const target = new URL(database.url);
  const where = `database "${target.pathname.slice(1)}" on ${target.hostname}:${target.port || 5432}`;
  if (!values.yes) fail(`this replaces everything in ${where} with ${file}. Run again with --yes to proceed.`);
  const others = await otherConnections(database.url);
  if (others > 0 && !values.force) {
    fail(`${others} other connection(s) use ${where}. Stop the app first (or pass --force to restore under it).`);
  }
  await restoreDatabase(database.url, file);
  // A backup from an older release may predate migrations this release has.
  await migrateDatabase(database.url);
  log(`restored ${where} from ${file}`);
} catch (error) {
  console.error(`arguably: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
