// `npm start` / `npm run dev`: configuration, database (embedded unless DATABASE_URL), migrations,
// demo content, then the Next.js server. SIGINT/SIGTERM stop the web server first, then PostgreSQL.
import { ensureProductionBuild } from "./lib/build";
import { seedDemoArticles } from "./lib/seed-demo";
import { loadEnvironment, log, migrateDatabase, openDatabase, resolveAuthSecret, type DatabaseHandle } from "./lib/runtime";
import { findFreePort } from "@/lib/db/embedded";
import { appUrl, connectToDatabase } from "@/lib/env";
import { startAppServer, waitUntilServing, type AppServerProcess } from "@/server/start-app-server";

const mode = process.argv[2] === "dev" ? "dev" : "start";

let database: DatabaseHandle | undefined;
let server: AppServerProcess | undefined;
let shuttingDown = false;

async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  await server?.stop();
  await database?.stop();
  if (database?.embedded) log("embedded PostgreSQL stopped");
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void shutdown(0));
}

async function main() {
  const env = loadEnvironment();
  if ((await findFreePort(env.PORT)) !== env.PORT) {
    throw new Error(`port ${env.PORT} is already in use (is Arguably already running?). Stop it, or set PORT to another port.`);
  }
  database = await openDatabase(env);
  connectToDatabase(database.url);
  await migrateDatabase(database.url);
  const seeded = await seedDemoArticles(log);
  if (seeded.created === 0) log(`demo articles present (${seeded.total})`);

  const production = mode === "start";
  const authSecret = resolveAuthSecret(env, { embedded: database.embedded, production });
  if (production) await ensureProductionBuild({ authSecret, log });
  if (shuttingDown) return;

  // Held at once (a stop while it starts must stop it too), and the address printed once it answers.
  server = await startAppServer({
    databaseUrl: database.url,
    port: env.PORT,
    host: env.HOST,
    authSecret,
    appUrl: appUrl(env),
    mode: production ? "production" : "development",
    waitUntilServing: false,
  });
  await waitUntilServing(`${server.url}/robots.txt`, server.child, 120_000);
  if (shuttingDown) return;
  log(`serving ${appUrl(env)} (${production ? "production" : "development"} mode). Press Ctrl+C to stop.`);
  server.child.on("exit", (code) => {
    if (!shuttingDown) {
      log(`the web server exited (code ${code}); stopping.`);
      void shutdown(code ?? 1);
    }
  });
}

main().catch(async (error: Error) => {
  // One readable line (or a short list for configuration), never a stack trace.
  console.error(`arguably: ${error.message}`);
  await database?.stop().catch(() => undefined);
  process.exit(1);
});
