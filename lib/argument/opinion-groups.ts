// Opinion groups, as Pol.is finds them: voters clustered by how they voted (decision 020). Pure.
//
// Each voter is a vector over the claim's items (the claim and its responses): +1 agree/strong, -1
// disagree/weak; an item they did not vote on is missing, not a position. k-means for k = 2..4 from a
// farthest-first start, with distances over the items a voter voted on (scaled to all items: the
// "partial distance" way of clustering incomplete data) and centres that average the votes cast; the k
// whose clusters are best separated (simplified silhouette) wins, if they are separated at all. Nothing
// depends on voters' ids or order: ties are broken by the ballots themselves.
import type { Rating } from "./bridging";

/** Below this many voters on a claim, no groups are shown: a few people are not "groups". */
export const MIN_VOTERS_FOR_GROUPS = 10;
/** A cluster smaller than this is not shown as a group (that k is not used). */
export const MIN_GROUP_SIZE = 3;
/** Clusters this poorly separated (simplified silhouette, -1..1) are one crowd, not groups. */
export const MIN_SEPARATION = 0.2;
const MAX_GROUPS = 4;
const ITERATIONS = 50;

type Ballot = Map<string, number>;

export interface OpinionGroup {
  /** "A", "B", …: the largest group first. */
  label: string;
  voters: string[];
  /** Per item: the group's votes for and against (agree/strong, disagree/weak). */
  leans: Map<string, { for: number; against: number }>;
}

function ballotsOf(ratings: Rating[]) {
  const ballots = new Map<string, Ballot>();
  for (const rating of ratings) {
    if (!ballots.has(rating.voter)) ballots.set(rating.voter, new Map());
    ballots.get(rating.voter)!.set(rating.item, rating.value >= 0.5 ? 1 : -1);
  }
  return ballots;
}

/** A ballot as text, to order ballots without their voters' ids. */
function signature(ballot: Ballot) {
  return [...ballot.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([item, value]) => `${item}${value > 0 ? "+" : "-"}`)
    .join(" ");
}

/** Squared distance over the items the voter voted on, scaled to `dimensions` items. */
function distance(ballot: Ballot, centroid: Map<string, number>, dimensions: number) {
  let sum = 0;
  for (const [item, value] of ballot) sum += (value - (centroid.get(item) ?? 0)) ** 2;
  return (sum * dimensions) / ballot.size;
}

/** Per item, the mean of the votes the members cast on it. */
function centre(members: Ballot[]) {
  const totals = new Map<string, { sum: number; count: number }>();
  for (const ballot of members) {
    for (const [item, value] of ballot) {
      const total = totals.get(item) ?? { sum: 0, count: 0 };
      total.sum += value;
      total.count += 1;
      totals.set(item, total);
    }
  }
  return new Map([...totals].map(([item, total]) => [item, total.sum / total.count]));
}

function kMeans(ballots: Ballot[], k: number, dimensions: number): number[] | null {
  // Farthest-first start from the longest ballot (ties: the first by signature).
  const order = ballots.map((_, index) => index);
  const signatures = ballots.map(signature);
  order.sort((a, b) => ballots[b].size - ballots[a].size || (signatures[a] < signatures[b] ? -1 : signatures[a] > signatures[b] ? 1 : 0));
  let centroids: Map<string, number>[] = [new Map(ballots[order[0]])];
  while (centroids.length < k) {
    let best = -1;
    let bestDistance = -1;
    for (const index of order) {
      const nearest = Math.min(...centroids.map((centroid) => distance(ballots[index], centroid, dimensions)));
      if (nearest > bestDistance + 1e-12) {
        best = index;
        bestDistance = nearest;
      }
    }
    // Every ballot is as near as can be to a centre already: fewer than k distinct groups exist.
    if (best === -1 || bestDistance <= 1e-12) return null;
    centroids.push(new Map(ballots[best]));
  }
  let assignment = ballots.map(() => -1);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const next = ballots.map((ballot) => {
      let best = 0;
      for (let c = 1; c < centroids.length; c++)
        if (distance(ballot, centroids[c], dimensions) < distance(ballot, centroids[best], dimensions) - 1e-12) best = c;
      return best;
    });
    if (next.every((group, index) => group === assignment[index])) break;
    assignment = next;
    centroids = centroids.map((_, c) => centre(ballots.filter((__, index) => assignment[index] === c)));
  }
  return assignment;
}

/** Simplified silhouette: per voter, how much nearer their own cluster's centre is than the next one. */
function separation(ballots: Ballot[], assignment: number[], k: number, dimensions: number) {
  const centroids = Array.from({ length: k }, (_, c) => centre(ballots.filter((__, index) => assignment[index] === c)));
  let total = 0;
  ballots.forEach((ballot, index) => {
    const own = Math.sqrt(distance(ballot, centroids[assignment[index]], dimensions));
    const other = Math.min(...centroids.map((centroid, c) => (c === assignment[index] ? Infinity : Math.sqrt(distance(ballot, centroid, dimensions)))));
    const larger = Math.max(own, other);
    total += larger ? (other - own) / larger : 0;
  });
  return total / ballots.length;
}

/** The claim's opinion groups, largest first, or none when there are too few voters or no clear division. */
export function opinionGroups(ratings: Rating[]): OpinionGroup[] {
  const byVoter = ballotsOf(ratings);
  if (byVoter.size < MIN_VOTERS_FOR_GROUPS) return [];
  const voters = [...byVoter.keys()];
  const ballots = voters.map((voter) => byVoter.get(voter)!);
  const dimensions = new Set(ratings.map((rating) => rating.item)).size;
  let chosen: { assignment: number[]; k: number; score: number } | null = null;
  for (let k = 2; k <= Math.min(MAX_GROUPS, ballots.length); k++) {
    const assignment = kMeans(ballots, k, dimensions);
    if (!assignment) break;
    const sizes = Array.from({ length: k }, (_, c) => assignment.filter((group) => group === c).length);
    if (sizes.some((size) => size < MIN_GROUP_SIZE)) continue;
    const score = separation(ballots, assignment, k, dimensions);
    if (score >= MIN_SEPARATION && (!chosen || score > chosen.score + 1e-9)) chosen = { assignment, k, score };
  }
  if (!chosen) return [];
  const groups = Array.from({ length: chosen.k }, (_, c) => {
    const members = voters.filter((__, index) => chosen.assignment[index] === c);
    const leans = new Map<string, { for: number; against: number }>();
    for (const voter of members) {
      for (const [item, value] of byVoter.get(voter)!) {
        const lean = leans.get(item) ?? { for: 0, against: 0 };
        if (value > 0) lean.for += 1;
        else lean.against += 1;
        leans.set(item, lean);
      }
    }
    return {
      voters: members,
      leans,
      signature: members
        .map((voter) => signature(byVoter.get(voter)!))
        .sort()
        .join("|"),
    };
  });
  groups.sort((a, b) => b.voters.length - a.voters.length || (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0));
  return groups.map((group, index) => ({ label: String.fromCharCode(65 + index), voters: group.voters, leans: group.leans }));
}
