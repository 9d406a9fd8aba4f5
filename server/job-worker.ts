// The background worker process (decision 019): `node --conditions=react-server --import tsx/esm
// server/job-worker.ts`, started and stopped by the web server (./job-worker-process.ts). It runs the
// app's domain code, which is server-only, hence its own process with React's server condition.
import { serverEnv } from "@/lib/env";
import { mailerFromEnv } from "@/lib/mail/mailer";
import { startJobWorker } from "@/lib/jobs/worker";

const env = serverEnv();
if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set.");

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
