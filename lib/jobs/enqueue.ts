// Queuing background work (decision 019). A job is a row in graphile-worker's table, added with its SQL
// function inside the caller's transaction: it exists exactly when the write that needs it commits, and
// a mail server that is down never slows or fails the request.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { JobName, JobPayload } from "./payloads";

/** A Prisma client or transaction: anything with $executeRaw. */
type Executor = Pick<Prisma.TransactionClient, "$executeRaw">;

export interface JobOptions {
  /** At most one pending job per key: a second add with the same key replaces the first. */
  jobKey?: string;
  /** How many times to try before giving up (graphile-worker backs off exponentially between tries). */
  maxAttempts?: number;
  runAt?: Date;
}

export async function enqueueJob<N extends JobName>(db: Executor, name: N, payload: JobPayload<N>, options: JobOptions = {}) {
  await db.$executeRaw`select graphile_worker.add_job(
    ${name}::text,
    ${JSON.stringify(payload)}::json,
    run_at => ${options.runAt ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? 10}::int,
    job_key => ${options.jobKey ?? null}::text)`;
}
