// The bridged standings' job (lib/debate/bridged-standing.ts): at most one pending per article. Queued
// by the worker, from the debate's change notices (./bridging-listener.ts, which waits for a burst of
// changes to settle first) and from its sweep, never inside a write.
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "./enqueue";

export const BRIDGING_JOB = "recompute_bridging";
export const bridgingJobKey = (articleId: string) => `bridging:${articleId}`;

/** Queues the article's recomputation to run now (a pending one for the article is replaced, not doubled). */
export async function queueBridging(db: Pick<Prisma.TransactionClient, "$executeRaw">, articleId: string) {
  await enqueueJob(db, BRIDGING_JOB, { articleId }, { jobKey: bridgingJobKey(articleId), maxAttempts: 3 });
}
