// A reader's crux on a claim (decision 020): of the responses they voted on, the one whose vote, if
// they changed it, would move the claim's standing for them most. Pure.
//
// "For them": the claim's standing by DF-QuAD (./standing.ts) with their own votes as the base scores
// of what they voted on (their agree/disagree on the claim, their strong/weak on responses), and
// everyone's votes elsewhere. Flipping one of their votes and recomputing says how much their
// conclusion hangs on it.
import type { ClaimVoteValue, ResponseVoteValue, Stance } from "@/lib/vocabulary";
import { argumentTree, baseScore, strength } from "./standing";

/** How sure a vote makes its voter: the base score of what they found strong (and 1 - it for weak). */
export const PERSONAL_CERTAINTY = 0.9;
/** A smaller move than this is no crux: nothing they voted on matters to the claim for them. */
const NOTICEABLE = 0.01;

export interface CruxNode {
  id: string;
  parentId: string | null;
  stance: Stance;
  strong: number;
  weak: number;
}

export interface Crux {
  responseId: string;
  vote: ResponseVoteValue;
  /** The claim's standing for them now, and if they changed that one vote. */
  standing: number;
  ifChanged: number;
}

const personal = (value: "agree" | "strong" | "disagree" | "weak") => (value === "agree" || value === "strong" ? PERSONAL_CERTAINTY : 1 - PERSONAL_CERTAINTY);

function personalStanding(claimVote: ClaimVoteValue, nodes: Map<string, CruxNode>, votes: Map<string, ResponseVoteValue>) {
  return strength(
    argumentTree([...nodes.values()], (id) => {
      if (id === null) return personal(claimVote);
      const vote = votes.get(id);
      const node = nodes.get(id)!;
      return vote ? personal(vote) : baseScore(node.strong, node.weak);
    }),
  );
}

export function personalCrux(claimVote: ClaimVoteValue | null, nodes: CruxNode[], votes: Map<string, ResponseVoteValue>): Crux | null {
  if (!claimVote) return null;
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const standing = personalStanding(claimVote, byId, votes);
  let crux: Crux | null = null;
  for (const node of nodes) {
    const vote = votes.get(node.id);
    if (!vote) continue;
    const flipped = new Map(votes).set(node.id, vote === "strong" ? "weak" : "strong");
    const ifChanged = personalStanding(claimVote, byId, flipped);
    if (Math.abs(ifChanged - standing) < NOTICEABLE) continue;
    if (!crux || Math.abs(ifChanged - standing) > Math.abs(crux.ifChanged - crux.standing) + 1e-12) crux = { responseId: node.id, vote, standing, ifChanged };
  }
  return crux;
}
