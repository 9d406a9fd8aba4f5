// The bridged standings' job (lib/debate/bridged-standing.ts): at most one pending per article, run a
// moment after the first change, so a burst of votes is folded into one run. Pure constants, shared by
// the Prisma path (queueBridging) and the edge's one-statement claim vote (lib/debate/vote-on-claim.ts).
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
