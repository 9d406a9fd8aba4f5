// Bridged support: what people agree on across their differences (decision 020). Pure.
//
// The model is Community Notes' (Wojcik et al., "Birdwatch: Crowd Wisdom and Bridging Algorithms can
// Inform Understanding and Reduce Polarization", 2022; github.com/twitter/communitynotes): every rating
// is predicted as
//
//   r̂(voter, item) = μ + i_voter + i_item + f_voter · f_item
//
// with one factor f. The factor soaks up the support that follows a voter's side (f_voter and f_item of
// the same sign); what is left in the item's intercept i_item is support from every side. The loss is
// their published one: mean squared error plus λ times the mean square of the factors, and 5λ for the
// intercepts, so the model explains ratings by side before it credits an item.
//
// It is fitted by alternating least squares: with the items fixed, every voter's (i, f) is a 2×2 ridge
// regression, and the other way round. Each sweep updates all voters at once from the same item values
// (and then all items), so the result does not depend on the order of voters or on their ids, and it is
// the same for the same votes, to the last bit.
import { createHash } from "node:crypto";

export interface Rating {
  voter: string;
  item: string;
  /** 1: agree / strong; 0: disagree / weak. */
  value: number;
}

export const BRIDGING_PARAMETERS = {
  /** Community Notes' λ for the factors. */
  factorRegularisation: 0.03,
  /** Community Notes' multiplier for the intercepts' λ. */
  interceptMultiplier: 5,
  sweeps: 200,
  /** Stop early when no parameter moved more than this in a sweep. */
  tolerance: 1e-9,
};

export interface FittedItem {
  intercept: number;
  factor: number;
  ratings: number;
}

export interface BridgingFit {
  mean: number;
  /** The voters' mean intercept, weighted as in the fit: a typical voter's generosity. */
  voterIntercept: number;
  items: Map<string, FittedItem>;
  voters: Map<string, { intercept: number; factor: number; ratings: number }>;
}

/** A deterministic start for an item's factor, from its id only (never from the voters'). */
function startingFactor(item: string) {
  return createHash("sha256").update(item).digest().readUInt32BE(0) / 0xffffffff - 0.5;
}

/**
 * Ballots that look coordinated: voters with at least BLOCK_MIN_VOTES votes whose ballots are the same
 * vote for vote, or the same but for one extra vote. A voter with n - 1 such twins weighs 1/n, so a
 * block of n such ballots counts as one voter. Shorter ballots are too little evidence, and weigh 1.
 *
 * Ballots are compared by hash (a sum of one random-looking number per vote, so "the ballot without one
 * vote" is a subtraction): linear in the number of votes, whatever the number of voters.
 */
export const BLOCK_MIN_VOTES = 8;

/** Two 32-bit hashes of one vote, from its item and value (one per distinct vote: items × 2). */
function voteHasher() {
  const known = new Map<string, [number, number]>();
  return (item: string, value: number) => {
    const vote = `${item}\u0000${value}`;
    let hash = known.get(vote);
    if (!hash) {
      const digest = createHash("sha256").update(vote).digest();
      known.set(vote, (hash = [digest.readUInt32BE(0), digest.readUInt32BE(4)]));
    }
    return hash;
  };
}

export function blockWeights(ratings: Rating[]): Map<string, number> {
  const voteHash = voteHasher();
  const ballots = new Map<string, { size: number; votes: [number, number][] }>();
  for (const rating of ratings) {
    const ballot = ballots.get(rating.voter) ?? { size: 0, votes: [] };
    ballot.size += 1;
    ballot.votes.push(voteHash(rating.item, rating.value));
    ballots.set(rating.voter, ballot);
  }
  // One number of 53 bits from the two sums: a Map keyed by numbers, not strings.
  const key = (a: number, b: number) => (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
  const whole = new Map<string, { a: number; b: number }>();
  const exact = new Map<number, number>();
  const lessOne = new Map<number, number>();
  const eligible = [...ballots].filter(([, ballot]) => ballot.size >= BLOCK_MIN_VOTES);
  for (const [voter, ballot] of eligible) {
    let a = 0;
    let b = 0;
    for (const [x, y] of ballot.votes) {
      a = (a + x) >>> 0;
      b = (b + y) >>> 0;
    }
    whole.set(voter, { a, b });
    exact.set(key(a, b), (exact.get(key(a, b)) ?? 0) + 1);
    // Only ballots that stay long enough without the vote can be the shorter twin of another.
    if (ballot.size > BLOCK_MIN_VOTES) for (const [x, y] of ballot.votes) lessOne.set(key(a - x, b - y), (lessOne.get(key(a - x, b - y)) ?? 0) + 1);
  }
  const weights = new Map<string, number>();
  for (const [voter, ballot] of ballots) {
    const sums = whole.get(voter);
    if (sums === undefined) {
      weights.set(voter, 1);
      continue;
    }
    const { a, b } = sums;
    // The same ballot, ballots with one vote more, and ballots with one vote less.
    let twins = exact.get(key(a, b))! - 1 + (lessOne.get(key(a, b)) ?? 0);
    if (ballot.size > BLOCK_MIN_VOTES) for (const [x, y] of ballot.votes) twins += exact.get(key(a - x, b - y)) ?? 0;
    weights.set(voter, 1 / (1 + twins));
  }
  return weights;
}

/**
 * The bridged fit: near-identical ballots counted as a block (blockWeights), then Community Notes'
 * model (decision 020 has the figures).
 */
export function fitBridging(ratings: Rating[], parameters = BRIDGING_PARAMETERS): BridgingFit {
  const blocks = blockWeights(ratings);
  return fitWeighted(ratings, (voter) => blocks.get(voter)!, parameters);
}

/** Indices of `keys` in first-seen order, and each rating's index. */
function indexOf(keys: string[]) {
  const index = new Map<string, number>();
  const of = new Int32Array(keys.length);
  keys.forEach((key, at) => {
    let found = index.get(key);
    if (found === undefined) index.set(key, (found = index.size));
    of[at] = found;
  });
  return { names: [...index.keys()], of };
}

/** For each group, the ratings in it (a compressed adjacency list). */
function groupsOf(of: Int32Array, groups: number) {
  const start = new Int32Array(groups + 1);
  for (const group of of) start[group + 1] += 1;
  for (let group = 0; group < groups; group++) start[group + 1] += start[group];
  const members = new Int32Array(of.length);
  const next = start.slice(0, groups);
  of.forEach((group, rating) => (members[next[group]++] = rating));
  return { start, members };
}

/** The (intercept, factor) minimising Σ w (target - intercept - x·factor)² + λi·intercept² + λf·factor². */
function ridge2(n: number, sx: number, sxx: number, st: number, sxt: number, lambdaIntercept: number, lambdaFactor: number) {
  const a = n + lambdaIntercept;
  const d = sxx + lambdaFactor;
  const determinant = a * d - sx * sx;
  return [(d * st - sx * sxt) / determinant, (a * sxt - sx * st) / determinant] as const;
}

function fitWeighted(ratings: Rating[], weightOf: (voter: string) => number, parameters: typeof BRIDGING_PARAMETERS): BridgingFit {
  const voterIndex = indexOf(ratings.map((rating) => rating.voter));
  const itemIndex = indexOf(ratings.map((rating) => rating.item));
  const value = Float64Array.from(ratings, (rating) => rating.value);
  const voterCount = voterIndex.names.length;
  const itemCount = itemIndex.names.length;
  const voterWeight = Float64Array.from(voterIndex.names, weightOf);
  const byVoter = groupsOf(voterIndex.of, voterCount);
  const byItem = groupsOf(itemIndex.of, itemCount);

  let total = 0;
  for (let rating = 0; rating < ratings.length; rating++) total += voterWeight[voterIndex.of[rating]];
  // The published loss is a mean over ratings plus λ times a mean over parameters; as sums, each
  // voter's and item's λ is scaled by the ratings per voter and per item. Voters are counted by
  // weight: a block counts as the one voter it weighs.
  const lambda = parameters.factorRegularisation;
  let weightedVoters = 0;
  for (const weight of voterWeight) weightedVoters += weight;
  const voterLambda = weightedVoters ? (lambda * total) / weightedVoters : 0;
  const itemLambda = itemCount ? (lambda * total) / itemCount : 0;
  const multiplier = parameters.interceptMultiplier;

  const voterIntercept = new Float64Array(voterCount);
  const voterFactor = new Float64Array(voterCount);
  const itemIntercept = new Float64Array(itemCount);
  const itemFactor = Float64Array.from(itemIndex.names, startingFactor);
  let mean = 0;
  for (let sweep = 0; sweep < parameters.sweeps; sweep++) {
    let moved = 0;
    for (let voter = 0; voter < voterCount; voter++) {
      // A voter's weight scales their data and their penalty alike, so it cancels in their own fit.
      let n = 0, sx = 0, sxx = 0, st = 0, sxt = 0; // prettier-ignore
      for (let at = byVoter.start[voter]; at < byVoter.start[voter + 1]; at++) {
        const rating = byVoter.members[at];
        const item = itemIndex.of[rating];
        const x = itemFactor[item];
        const target = value[rating] - mean - itemIntercept[item];
        n += 1;
        sx += x;
        sxx += x * x;
        st += target;
        sxt += x * target;
      }
      const [intercept, factor] = ridge2(n, sx, sxx, st, sxt, voterLambda * multiplier, voterLambda);
      moved = Math.max(moved, Math.abs(intercept - voterIntercept[voter]), Math.abs(factor - voterFactor[voter]));
      voterIntercept[voter] = intercept;
      voterFactor[voter] = factor;
    }
    for (let item = 0; item < itemCount; item++) {
      let n = 0, sx = 0, sxx = 0, st = 0, sxt = 0; // prettier-ignore
      for (let at = byItem.start[item]; at < byItem.start[item + 1]; at++) {
        const rating = byItem.members[at];
        const voter = voterIndex.of[rating];
        const weight = voterWeight[voter];
        const x = voterFactor[voter];
        const target = value[rating] - mean - voterIntercept[voter];
        n += weight;
        sx += weight * x;
        sxx += weight * x * x;
        st += weight * target;
        sxt += weight * x * target;
      }
      const [intercept, factor] = ridge2(n, sx, sxx, st, sxt, itemLambda * multiplier, itemLambda);
      moved = Math.max(moved, Math.abs(intercept - itemIntercept[item]), Math.abs(factor - itemFactor[item]));
      itemIntercept[item] = intercept;
      itemFactor[item] = factor;
    }
    // μ, regularised like an intercept (λ·5 over one parameter, as a mean: ×total).
    let residual = 0;
    for (let rating = 0; rating < ratings.length; rating++) {
      const voter = voterIndex.of[rating];
      const item = itemIndex.of[rating];
      residual += voterWeight[voter] * (value[rating] - voterIntercept[voter] - itemIntercept[item] - voterFactor[voter] * itemFactor[item]);
    }
    const nextMean = total ? residual / (total + lambda * multiplier * total) : 0;
    moved = Math.max(moved, Math.abs(nextMean - mean));
    mean = nextMean;
    if (moved < parameters.tolerance) break;
  }
  const items = new Map<string, FittedItem>(
    itemIndex.names.map((item, at) => [item, { intercept: itemIntercept[at], factor: itemFactor[at], ratings: byItem.start[at + 1] - byItem.start[at] }]),
  );
  const voters = new Map(
    voterIndex.names.map((voter, at) => [
      voter,
      { intercept: voterIntercept[at], factor: voterFactor[at], ratings: byVoter.start[at + 1] - byVoter.start[at] },
    ]),
  );
  // f and -f fit equally well: point the factor so that the item that divides most has a positive one.
  let pointer: string | null = null;
  for (const [item, fitted] of items) {
    const best = pointer ? items.get(pointer)! : null;
    if (
      !best ||
      Math.abs(fitted.factor) > Math.abs(best.factor) + 1e-12 ||
      (Math.abs(Math.abs(fitted.factor) - Math.abs(best.factor)) <= 1e-12 && item < pointer!)
    )
      pointer = item;
  }
  if (pointer && items.get(pointer)!.factor < 0) {
    for (const fitted of items.values()) fitted.factor = -fitted.factor;
    for (const fitted of voters.values()) fitted.factor = -fitted.factor;
  }
  let weighted = 0;
  for (let voter = 0; voter < voterCount; voter++) weighted += voterWeight[voter] * voterIntercept[voter];
  return { mean, voterIntercept: weightedVoters ? weighted / weightedVoters : 0, items, voters };
}

/** An item's bridged base score in [0, 1]: the rating the model expects from a voter of no side. */
export function bridgedBase(fit: BridgingFit, item: string): number | null {
  const fitted = fit.items.get(item);
  if (!fitted) return null;
  return Math.min(1, Math.max(0, fit.mean + fit.voterIntercept + fitted.intercept));
}
