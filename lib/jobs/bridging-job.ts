// The bridged standings' job (lib/debate/bridged-standing.ts): at most one pending per article, run a
// moment after the first change, so a burst of votes is folded into one run. Queued by the worker, from
// the debate's change notices (./bridging-listener.ts) and its sweep, never inside a write.
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "./enqueue";

export const BRIDGING_JOB = "recompute_bridging";
export const BRIDGING_SETTLE_SECONDS = 3;
export const bridgingJobKey = (articleId: string) => `bridging:${articleId}`;

/** Queues the article's recomputation, inside the transaction that changed its votes or debates. */
export async function queueBridging(tx: Pick<Prisma.TransactionClient, "$executeRaw">, articleId: string) {
  await enqueueJob(
    tx,
    BRIDGING_JOB,
    { articleId },
    { jobKey: bridgingJobKey(articleId), keepRunAt: true, runAt: new Date(Date.now() + BRIDGING_SETTLE_SECONDS * 1000), maxAttempts: 3 },
  );
}
