// The background worker process (decision 019): `node --conditions=react-server --import tsx/esm
// server/job-worker.ts`, started and stopped by the web server (./job-worker-process.ts). It runs the
// app's domain code, which is server-only, hence its own process with React's server condition.
import { setPriority } from "node:os";
import { serverEnv } from "@/lib/env";
import { mailerFromEnv } from "@/lib/mail/mailer";
import { startJobWorker } from "@/lib/jobs/worker";

const env = serverEnv();
if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set.");

// Background work yields to the web server: a bridged standing's recomputation (seconds of CPU on a
// large debate, every few seconds while it is argued) took two thirds of a core from people posting
// (decision 022). Raising one's own niceness needs no privilege.
try {
  setPriority(10);
} catch {
  // A platform without priorities: the worker runs as it did.
}

const mailer = mailerFromEnv();
const worker = await startJobWorker({ databaseUrl: env.DATABASE_URL, mailer });

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await worker.stop().catch(() => undefined);
  mailer.close();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
// The web server is our parent: if it goes, so do we.
process.on("disconnect", () => void stop());
