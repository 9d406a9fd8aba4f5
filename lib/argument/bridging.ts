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

/** The (intercept, factor) minimising Σ (target - intercept - x·factor)² + λi·intercept² + λf·factor². */
function ridge2(rows: { target: number; x: number; weight: number }[], lambdaIntercept: number, lambdaFactor: number) {
  let n = 0;
  let sx = 0;
  let sxx = 0;
  let st = 0;
  let sxt = 0;
  for (const { target, x, weight } of rows) {
    n += weight;
    sx += weight * x;
    sxx += weight * x * x;
    st += weight * target;
    sxt += weight * x * target;
  }
  const a = n + lambdaIntercept;
  const d = sxx + lambdaFactor;
  const determinant = a * d - sx * sx;
  return { intercept: (d * st - sx * sxt) / determinant, factor: (a * sxt - sx * st) / determinant };
}

/**
 * Ballots that look coordinated: two voters with at least BLOCK_MIN_VOTES votes each, who voted the
 * same way on every item both voted on (at least BLOCK_MIN_VOTES of them), and whose items differ by
 * at most one in ten (at least one). A voter with n - 1 such twins weighs 1/n, so a block of n
 * near-identical ballots counts as one voter. Shorter ballots are too little evidence, and weigh 1.
 */
export const BLOCK_MIN_VOTES = 8;

export function blockWeights(ratings: Rating[]): Map<string, number> {
  const ballots = new Map<string, Map<string, number>>();
  for (const rating of ratings) {
    if (!ballots.has(rating.voter)) ballots.set(rating.voter, new Map());
    ballots.get(rating.voter)!.set(rating.item, rating.value);
  }
  const eligible = [...ballots.entries()].filter(([, ballot]) => ballot.size >= BLOCK_MIN_VOTES);
  const twins = new Map(eligible.map(([voter]) => [voter, 0]));
  for (let a = 0; a < eligible.length; a++) {
    const [voterA, ballotA] = eligible[a];
    for (let b = a + 1; b < eligible.length; b++) {
      const [voterB, ballotB] = eligible[b];
      if (alike(ballotA, ballotB)) {
        twins.set(voterA, twins.get(voterA)! + 1);
        twins.set(voterB, twins.get(voterB)! + 1);
      }
    }
  }
  return new Map([...ballots.keys()].map((voter) => [voter, 1 / (1 + (twins.get(voter) ?? 0))]));
}

function alike(a: Map<string, number>, b: Map<string, number>) {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const allowed = Math.max(1, Math.floor((a.size + b.size) / 20));
  if (large.size - small.size > allowed) return false;
  let common = 0;
  for (const [item, value] of small) {
    const other = large.get(item);
    if (other === undefined) continue;
    if (other !== value) return false;
    common += 1;
  }
  return common >= BLOCK_MIN_VOTES && a.size + b.size - 2 * common <= allowed;
}

/**
 * The bridged fit: near-identical ballots counted as a block (blockWeights), then Community Notes'
 * model (decision 020 has the figures).
 */
export function fitBridging(ratings: Rating[], parameters = BRIDGING_PARAMETERS): BridgingFit {
  const blocks = blockWeights(ratings);
  return fitWeighted(ratings, (voter) => blocks.get(voter)!, parameters);
}

function fitWeighted(ratings: Rating[], weightOf: (voter: string) => number, parameters: typeof BRIDGING_PARAMETERS): BridgingFit {
  const byVoter = new Map<string, Rating[]>();
  const byItem = new Map<string, Rating[]>();
  for (const rating of ratings) {
    byVoter.set(rating.voter, [...(byVoter.get(rating.voter) ?? []), rating]);
    byItem.set(rating.item, [...(byItem.get(rating.item) ?? []), rating]);
  }
  let total = 0;
  for (const rating of ratings) total += weightOf(rating.voter);
  // The published loss is a mean over ratings plus λ times a mean over parameters; as sums, each
  // voter's and item's λ is scaled by the ratings per voter and per item.
  const lambda = parameters.factorRegularisation;
  // Voters counted by weight: a block counts as the one voter it weighs.
  let voterCount = 0;
  for (const voter of byVoter.keys()) voterCount += weightOf(voter);
  const voterLambda = voterCount ? (lambda * total) / voterCount : 0;
  const itemLambda = byItem.size ? (lambda * total) / byItem.size : 0;
  const multiplier = parameters.interceptMultiplier;

  const items = new Map<string, FittedItem>(
    [...byItem.keys()].map((item) => [item, { intercept: 0, factor: startingFactor(item), ratings: byItem.get(item)!.length }]),
  );
  const voters = new Map([...byVoter.keys()].map((voter) => [voter, { intercept: 0, factor: 0, ratings: byVoter.get(voter)!.length }]));
  let mean = 0;
  for (let sweep = 0; sweep < parameters.sweeps; sweep++) {
    let moved = 0;
    for (const [voter, own] of byVoter) {
      const fit = ridge2(
        own.map((rating) => {
          const item = items.get(rating.item)!;
          // A voter's weight scales their data and their penalty alike, so it cancels in their own fit.
          return { target: rating.value - mean - item.intercept, x: item.factor, weight: 1 };
        }),
        voterLambda * multiplier,
        voterLambda,
      );
      const current = voters.get(voter)!;
      moved = Math.max(moved, Math.abs(fit.intercept - current.intercept), Math.abs(fit.factor - current.factor));
      current.intercept = fit.intercept;
      current.factor = fit.factor;
    }
    for (const [item, own] of byItem) {
      const fit = ridge2(
        own.map((rating) => {
          const voter = voters.get(rating.voter)!;
          return { target: rating.value - mean - voter.intercept, x: voter.factor, weight: weightOf(rating.voter) };
        }),
        itemLambda * multiplier,
        itemLambda,
      );
      const current = items.get(item)!;
      moved = Math.max(moved, Math.abs(fit.intercept - current.intercept), Math.abs(fit.factor - current.factor));
      current.intercept = fit.intercept;
      current.factor = fit.factor;
    }
    // μ, regularised like an intercept (λ·5 over one parameter, as a mean: ×total).
    let residual = 0;
    for (const rating of ratings) {
      const voter = voters.get(rating.voter)!;
      const item = items.get(rating.item)!;
      residual += weightOf(rating.voter) * (rating.value - voter.intercept - item.intercept - voter.factor * item.factor);
    }
    const nextMean = total ? residual / (total + lambda * multiplier * total) : 0;
    moved = Math.max(moved, Math.abs(nextMean - mean));
    mean = nextMean;
    if (moved < parameters.tolerance) break;
  }
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
  let weights = 0;
  for (const [voter, fitted] of voters) {
    weighted += weightOf(voter) * fitted.intercept;
    weights += weightOf(voter);
  }
  return { mean, voterIntercept: weights ? weighted / weights : 0, items, voters };
}

/** An item's bridged base score in [0, 1]: the rating the model expects from a voter of no side. */
export function bridgedBase(fit: BridgingFit, item: string): number | null {
  const fitted = fit.items.get(item);
  if (!fitted) return null;
  return Math.min(1, Math.max(0, fit.mean + fit.voterIntercept + fitted.intercept));
}
