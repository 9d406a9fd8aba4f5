// The site teaching the detector (decision 005): every person's decision on a detected claim, and every
// reader's claim an editor accepts, is stored as a label on the exact words it was about. Written in the
// transaction of the decision itself, so a label exists exactly when the decision does. Only decisions
// by people are labels: a proposal nobody acted on is not, so the detector never trains on its output.
import type { ClaimDecision, Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db/client";

type Tx = Prisma.TransactionClient;

/** Whether each decision says the words are a claim. */
export const DECISION_MEANS_CLAIM: Record<ClaimDecision, boolean> = {
  kept: true,
  dismissed: false,
  reworded: true,
  merged: true,
  added: true,
  reader_accepted: true,
};

/**
 * How much a decision counts when training, relative to others. Keeping a proposal is implicit (the
 * editor published without dismissing it, perhaps without reading it closely) and a merge says only that
 * the words belong to a claim, so both count half; an explicit dismissal, addition, rewording or
 * acceptance counts in full.
 */
export const DECISION_WEIGHT: Record<ClaimDecision, number> = {
  kept: 0.5,
  dismissed: 1,
  reworded: 1,
  merged: 0.5,
  added: 1,
  reader_accepted: 1,
};

export interface ClaimLabelInput {
  articleId: string;
  /** The exact words (the claim's quote). */
  sentence: string;
  decision: ClaimDecision;
  /** The detector's score, when the detector had proposed the words. */
  score?: number | null;
}

export async function recordClaimLabels(tx: Tx, labels: ClaimLabelInput[]) {
  if (!labels.length) return;
  await tx.claimLabel.createMany({
    data: labels.map(({ articleId, sentence, decision, score }) => ({
      articleId,
      sentence,
      decision,
      claim: DECISION_MEANS_CLAIM[decision],
      score: score ?? null,
    })),
  });
}

export interface StoredClaimLabel {
  id: string;
  sentence: string;
  claim: boolean;
  decision: ClaimDecision;
  createdAt: Date;
}

/** Labels oldest first; `after` keeps those made later than a moment (those a model did not train on). */
export async function readClaimLabels({ after }: { after?: Date | null } = {}): Promise<StoredClaimLabel[]> {
  return getDb().claimLabel.findMany({
    where: after ? { createdAt: { gt: after } } : {},
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, sentence: true, claim: true, decision: true, createdAt: true },
  });
}
