// A claim's standing, from its tree of responses, by the DF-QuAD gradual semantics (Rago, Toni,
// Aurisicchio and Baroni, KR 2016). Pure.
//
// Every node has a base score from votes, and a strength: with attackers' strengths a_i and
// supporters' strengths s_j, va = 1 - prod(1 - a_i) and vs = 1 - prod(1 - s_j); if va >= vs the
// strength is base - base * (va - vs), otherwise base + (1 - base) * (vs - va). A tree has no cycles,
// so strengths are computed bottom-up.
import type { Stance } from "@/lib/vocabulary";

export interface ArgumentNode {
  id: string;
  stance: Stance;
  /** Base score in [0, 1] (see baseScore). */
  base: number;
  children: ArgumentNode[];
}

export interface Root {
  base: number;
  children: ArgumentNode[];
}

/**
 * A claim's tree from its responses as a flat list (each naming its parent; null: the claim), with each
 * node's base score from `base` (called with null for the claim itself).
 */
export function argumentTree(responses: { id: string; parentId: string | null; stance: Stance }[], base: (id: string | null) => number): Root {
  const children = new Map<string | null, typeof responses>();
  for (const response of responses) {
    const siblings = children.get(response.parentId);
    if (siblings) siblings.push(response);
    else children.set(response.parentId, [response]);
  }
  const build = (parentId: string | null): ArgumentNode[] =>
    (children.get(parentId) ?? []).map((response) => ({ id: response.id, stance: response.stance, base: base(response.id), children: build(response.id) }));
  return { base: base(null), children: build(null) };
}

/** Votes to a base score, smoothed with one imaginary vote each way, so no votes gives 0.5. */
export function baseScore(positive: number, negative: number): number {
  return (positive + 1) / (positive + negative + 2);
}

function aggregate(strengths: number[]): number {
  return 1 - strengths.reduce((product, strength) => product * (1 - strength), 1);
}

export function combine(base: number, attackers: number[], supporters: number[]): number {
  const va = aggregate(attackers);
  const vs = aggregate(supporters);
  return va >= vs ? base - base * (va - vs) : base + (1 - base) * (vs - va);
}

export function strength(node: Root | ArgumentNode): number {
  const attackers: number[] = [];
  const supporters: number[] = [];
  for (const child of node.children) (child.stance === "oppose" ? attackers : supporters).push(strength(child));
  return combine(node.base, attackers, supporters);
}

export interface Reason {
  id: string;
  stance: Stance;
  /** How much the standing would change without this response (positive: it raises the standing). */
  effect: number;
}

export interface Standing {
  value: number;
  /** The responses that raise the standing most, strongest first. */
  raisedBy: Reason[];
  /** The responses that lower it most, strongest first. */
  loweredBy: Reason[];
}

/** The standing with the `reasons` responses that raise it most and the `reasons` that lower it most. */
function rankReasons(value: number, effects: Reason[], reasons: number): Standing {
  return {
    value,
    raisedBy: effects
      .filter((reason) => reason.effect > 1e-9)
      .sort((a, b) => b.effect - a.effect)
      .slice(0, reasons),
    loweredBy: effects
      .filter((reason) => reason.effect < -1e-9)
      .sort((a, b) => a.effect - b.effect)
      .slice(0, reasons),
  };
}

/** The standing and, for each direct response, what the standing would be without it. */
export function standingOf(root: Root, reasons = 3): Standing {
  const value = strength(root);
  const effects = root.children.map((child) => ({
    id: child.id,
    stance: child.stance,
    effect: value - strength({ ...root, children: root.children.filter((other) => other !== child) }),
  }));
  return rankReasons(value, effects, reasons);
}

/**
 * ln(1 - strength). A node's children combine as 1 - prod(1 - s); the database stores that product as
 * a sum of these logarithms per stance, so one child's change is a difference (see decision 010).
 */
export function logComplement(strength: number): number {
  return Math.log(Math.max(1 - strength, 1e-12));
}

/** `combine` from the stored sums of logarithms instead of the children's strengths. */
export function combineLogs(base: number, supportLog: number, opposeLog: number): number {
  const va = 1 - Math.exp(opposeLog);
  const vs = 1 - Math.exp(supportLog);
  return va >= vs ? base - base * (va - vs) : base + (1 - base) * (vs - va);
}

export interface StoredAggregates {
  base: number;
  supportLog: number;
  opposeLog: number;
}

/**
 * `standingOf` from what a claim stores, without its tree: `strongest` must hold the strongest direct
 * responses of each stance. Leaving out a child moves the standing more the stronger the child is, so
 * those are exactly the responses that raise or lower it most.
 */
export function standingFromAggregates(claim: StoredAggregates, strongest: { id: string; stance: Stance; strength: number }[], reasons = 3): Standing {
  const value = combineLogs(claim.base, claim.supportLog, claim.opposeLog);
  const effects = strongest.map((child) => {
    const without =
      child.stance === "support"
        ? combineLogs(claim.base, claim.supportLog - logComplement(child.strength), claim.opposeLog)
        : combineLogs(claim.base, claim.supportLog, claim.opposeLog - logComplement(child.strength));
    return { id: child.id, stance: child.stance, effect: value - without };
  });
  return rankReasons(value, effects, reasons);
}

export function describeStanding(value: number): string {
  if (value >= 0.8) return "Strongly supported";
  if (value >= 0.6) return "Leaning supported";
  if (value > 0.4) return "Contested";
  if (value > 0.2) return "Leaning opposed";
  return "Strongly opposed";
}
