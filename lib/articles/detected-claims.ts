import { getDb } from "@/lib/db/client";
import type { ProposedClaim } from "@/lib/ingest";
import { claimRow } from "./import-article";

/** Stores pipeline-proposed claims for an article (skipping any span it already has). */
export async function addDetectedClaims(articleId: string, claims: ProposedClaim[]) {
  const result = await getDb().claim.createMany({
    data: claims.map((claim) => ({ articleId, ...claimRow(claim) })),
    skipDuplicates: true,
  });
  return result.count;
}
