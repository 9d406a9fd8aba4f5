// The web server process: `node --import tsx/esm server/main.ts`, started by ./start-app-server.ts
// (npm start, npm run dev, the benchmark and the test harnesses) with its configuration in the
// environment, read once through lib/env.ts.
import { appUrl, serverEnv } from "@/lib/env";
import { serveApp } from "./app-server";
import { startJobWorkerProcess } from "./job-worker-process";

const env = serverEnv();
if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set: start the server through startAppServer (npm start).");
if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET is not set: sessions cannot be read.");

// Next.js logs uncaught exceptions and carries on, so a server that failed to start must exit itself.
const running = await serveApp({
  dev: env.NODE_ENV !== "production",
  port: env.PORT,
  host: env.HOST,
  databaseUrl: env.DATABASE_URL,
  authSecret: env.AUTH_SECRET,
  appUrl: appUrl(env),
  pageCache: env.PAGE_CACHE !== "off",
  metrics: env.SERVER_METRICS === "on",
  replicated: Boolean(env.DATABASE_REPLICA_URLS?.trim()),
}).catch((error: unknown) => {
  console.error("arguably: the web server could not start:", error);
  process.exit(1);
});

// Mail, digests and pruning run beside the web server, in their own process (decision 019).
const worker = env.JOB_WORKER === "off" ? null : startJobWorkerProcess();

let closing = false;
function close() {
  if (closing) return;
  closing = true;
  void Promise.all([running.close(), worker?.stop()]).finally(() => process.exit(0));
  // Long-lived connections (live updates, keep-alive) must not hold the shutdown forever.
  setTimeout(() => process.exit(0), 8_000).unref();
}
process.on("SIGTERM", close);
process.on("SIGINT", close);

// This server always runs as the child of whatever started it (./start-app-server.ts: npm start, the
// bench, a test harness), which also owns its database. If that parent dies without stopping it, the
// server stops too rather than live on as an orphan holding its port. And with its parent gone, the
// ends of its stdout and stderr are closed: every write fails with EPIPE, which is reported as an error,
// which is written there too, in a loop that would spin forever (found as two orphans using 60% of a core each).
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) close();
}, 1_000).unref();
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") close();
  });
}
