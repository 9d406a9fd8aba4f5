// `npm start` / `npm run dev`: configuration, database (embedded unless DATABASE_URL), migrations,
// demo content, then the Next.js server. SIGINT/SIGTERM stop the web server first, then PostgreSQL.
import type { ChildProcess } from "node:child_process";
import { ensureProductionBuild, runServer } from "./lib/build";
import { seedDemoArticles } from "./lib/seed-demo";
import { pruneRateLimits as pruneOldRateLimits } from "@/lib/platform/rate-limit";
import { pruneUserSessions } from "@/lib/accounts/user-sessions";
import { loadEnvironment, log, migrateDatabase, openDatabase, resolveAuthSecret, type DatabaseHandle } from "./lib/runtime";
import { findFreePort } from "@/lib/db/embedded";
import { appUrl } from "@/lib/env";

const mode = process.argv[2] === "dev" ? "dev" : "start";

let database: DatabaseHandle | undefined;
let server: ChildProcess | undefined;
let shuttingDown = false;

async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
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
  process.env.DATABASE_URL = database.url;
  await migrateDatabase(database.url);
  await pruneOldRateLimits();
  await pruneUserSessions();
  const seeded = await seedDemoArticles(log);
  if (seeded.created === 0) log(`demo articles present (${seeded.total})`);

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: resolveAuthSecret(env, { embedded: database.embedded, production: mode === "start" }),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl(env),
    PORT: String(env.PORT),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (mode === "start") await ensureProductionBuild(childEnv, log);
  if (shuttingDown) return;

  server = runServer({ ...childEnv, NODE_ENV: mode === "dev" ? "development" : "production" });
  log(`serving ${appUrl(env)} (${mode === "dev" ? "development" : "production"} mode). Press Ctrl+C to stop.`);
  server.on("exit", (code) => {
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
