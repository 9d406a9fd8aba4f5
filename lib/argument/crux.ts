// A reader's crux on a claim (decisions 020 and 021): of the responses they rated, the one their own
// side of the claim rests on most: the rating that, were it the other way, would take most support
// away from the way they voted. Pure.
//
// "For them": the claim's standing by DF-QuAD (./standing.ts) with their own votes as the base scores
// of what they voted on (their agree/disagree on the claim, their strong/weak on responses), and
// everyone's votes elsewhere. A rating whose flip would move that standing towards their vote does not
// back their vote (they rated it against their own side), so it is never their crux; and the crux is
// told in words, never as a figure, because a figure of their ballot can point the other way from
// their vote (a reader who disagreed but found a supporting argument strong) and read as a contradiction.
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
  /** The reader's rating of it. */
  vote: ResponseVoteValue;
  /** How far, in [0, 1], the claim would move against the reader's vote, for them, were that rating the other way. */
  weight: number;
}

const personal = (value: "agree" | "strong" | "disagree" | "weak") => (value === "agree" || value === "strong" ? PERSONAL_CERTAINTY : 1 - PERSONAL_CERTAINTY);

/** The claim's standing for this reader: their votes as base scores where they voted, everyone's elsewhere. */
export function personalStanding(claimVote: ClaimVoteValue, nodes: CruxNode[], votes: Map<string, ResponseVoteValue>): number {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  return strength(
    argumentTree(nodes, (id) => {
      if (id === null) return personal(claimVote);
      const vote = votes.get(id);
      const node = byId.get(id)!;
      return vote ? personal(vote) : baseScore(node.strong, node.weak);
    }),
  );
}

/** Towards the reader's own vote is positive: how much a change of standing helps their side. */
const forTheirSide = (claimVote: ClaimVoteValue, change: number) => (claimVote === "agree" ? change : -change);

export function personalCrux(claimVote: ClaimVoteValue | null, nodes: CruxNode[], votes: Map<string, ResponseVoteValue>): Crux | null {
  if (!claimVote) return null;
  const standing = personalStanding(claimVote, nodes, votes);
  let crux: Crux | null = null;
  for (const node of nodes) {
    const vote = votes.get(node.id);
    if (!vote) continue;
    const flipped = new Map(votes).set(node.id, vote === "strong" ? "weak" : "strong");
    // What their rating of this response gives their side: lost if the rating were the other way.
    const weight = forTheirSide(claimVote, standing - personalStanding(claimVote, nodes, flipped));
    if (weight < NOTICEABLE) continue;
    if (!crux || weight > crux.weight + 1e-12) crux = { responseId: node.id, vote, weight };
  }
  return crux;
}

/** What the page says of the crux, in the reader's own terms (their side, their rating), without figures. */
export function describeCrux(crux: Pick<Crux, "vote">, claimVote: ClaimVoteValue): string {
  const side = claimVote === "agree" ? "agreement" : "disagreement";
  const other = crux.vote === "strong" ? "weak" : "strong";
  return `Of everything you rated here, your ${side} rests most on this: you found it ${crux.vote}. Had you found it ${other}, your ratings would back your ${side} less than a change to any other one would.`;
}
