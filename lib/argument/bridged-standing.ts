// A claim's bridged standing: DF-QuAD (./standing.ts) over the bridged base scores of the claim and its
// responses (./bridging.ts), and the opinion groups (./opinion-groups.ts) that say who agrees. Pure: the
// job (lib/debate/bridged-standing.ts) and the brigading simulation (scripts/sim-brigade.ts) both call it.
import type { Stance } from "@/lib/vocabulary";
import { bridgedBase, fitBridging, type BridgingFit, type Rating } from "./bridging";
import { MIN_VOTERS_FOR_GROUPS, opinionGroups } from "./opinion-groups";
import { argumentTree, baseScore, standingOf, type Standing } from "./standing";

/** Below this many voters on a claim (its own votes and its responses'), it has no bridged standing. */
export const MIN_VOTERS_FOR_BRIDGING = MIN_VOTERS_FOR_GROUPS;

export interface DebateNode {
  id: string;
  parentId: string | null;
  stance: Stance;
}

export interface GroupLean {
  label: string;
  size: number;
  /** The group's votes on the claim itself. */
  agree: number;
  disagree: number;
}

export interface ClaimBridgingResult {
  voters: number;
  /** Null under MIN_VOTERS_FOR_BRIDGING voters. */
  standing: Standing | null;
  groups: GroupLean[];
  /** Every rated response's bridged base score, in [0, 1] (the "Bridging" order). */
  responseScores: Map<string, number>;
}

/** Item ids in the ratings: a claim and a response may share an id format, never a key. */
export const claimItem = (id: string) => `claim:${id}`;
export const responseItem = (id: string) => `response:${id}`;

/** The standing from raw vote shares, as the database keeps it (for comparison: the simulation). */
export function rawStanding(claimId: string, responses: DebateNode[], ratings: Rating[]): Standing {
  const counts = new Map<string, { for: number; against: number }>();
  for (const rating of ratings) {
    const count = counts.get(rating.item) ?? { for: 0, against: 0 };
    if (rating.value >= 0.5) count.for += 1;
    else count.against += 1;
    counts.set(rating.item, count);
  }
  const base = (id: string | null) => {
    const count = counts.get(id === null ? claimItem(claimId) : responseItem(id));
    return baseScore(count?.for ?? 0, count?.against ?? 0);
  };
  return standingOf(argumentTree(responses, base));
}

/**
 * One claim's bridged standing and groups. `fit` is the article's model (fitted on all its votes, so
 * voters' positions come from everything they voted on); `ratings` are this claim's items' votes.
 */
export function analyseClaim(claimId: string, responses: DebateNode[], ratings: Rating[], fit: BridgingFit = fitBridging(ratings)): ClaimBridgingResult {
  const voters = new Set(ratings.map((rating) => rating.voter)).size;
  const base = (id: string | null) => bridgedBase(fit, id === null ? claimItem(claimId) : responseItem(id)) ?? baseScore(0, 0);
  const responseScores = new Map<string, number>();
  for (const response of responses) {
    const score = bridgedBase(fit, responseItem(response.id));
    if (score !== null) responseScores.set(response.id, score);
  }
  const groups = opinionGroups(ratings).map((group) => {
    const lean = group.leans.get(claimItem(claimId));
    return { label: group.label, size: group.voters.length, agree: lean?.for ?? 0, disagree: lean?.against ?? 0 };
  });
  return {
    voters,
    standing: voters >= MIN_VOTERS_FOR_BRIDGING ? standingOf(argumentTree(responses, base)) : null,
    groups,
    responseScores,
  };
}

export type Leaning = "agrees" | "disagrees" | "is split" | "has not voted on the claim";

/** How a group leans on the claim: a clear majority of its votes on it (two thirds), else split. */
export function leaningOf(group: GroupLean): Leaning {
  const votes = group.agree + group.disagree;
  if (!votes) return "has not voted on the claim";
  if (group.agree / votes >= 2 / 3) return "agrees";
  if (group.disagree / votes >= 2 / 3) return "disagrees";
  return "is split";
}

/** One sentence on who agrees, for the page: "Groups A and B both agree." or "Group A agrees; group B disagrees." */
export function explainGroups(groups: GroupLean[]): string {
  if (!groups.length) return "";
  const byLeaning = new Map<Leaning, string[]>();
  for (const group of groups) byLeaning.set(leaningOf(group), [...(byLeaning.get(leaningOf(group)) ?? []), group.label]);
  const agreeing = byLeaning.get("agrees") ?? [];
  if (agreeing.length === groups.length) return `Agreement across groups: ${listOf(agreeing)} ${agreeing.length === 2 ? "both" : "all"} agree.`;
  const disagreeing = byLeaning.get("disagrees") ?? [];
  if (disagreeing.length === groups.length) return `Disagreement across groups: ${listOf(disagreeing)} ${disagreeing.length === 2 ? "both" : "all"} disagree.`;
  const parts = [...byLeaning.entries()].map(
    ([leaning, labels]) => `${labels.length > 1 ? "groups" : "group"} ${listOf(labels)} ${labels.length > 1 ? plural(leaning) : leaning}`,
  );
  const sentence = parts.join("; ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}. The bridged standing counts only what is supported across groups.`;
}

function listOf(labels: string[]) {
  return labels.length > 1 ? `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}` : labels[0];
}

function plural(leaning: Leaning) {
  return { agrees: "agree", disagrees: "disagree", "is split": "are split", "has not voted on the claim": "have not voted on the claim" }[leaning];
}
