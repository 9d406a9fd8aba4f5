// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database.
import { loadEnvironment, log, migrateDatabase, openDatabase } from "./lib/runtime";

const env = loadEnvironment();
const database = await openDatabase(env);
try {
  await migrateDatabase(database.url);
} catch (error) {
  console.error(`arguably: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
log("done");
