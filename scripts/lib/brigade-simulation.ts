// The brigading simulation (npm run -s sim:brigade; decision 020): a claim debated by two honest camps,
// then a coordinated block that votes as one. It measures how far the raw standing and the bridged
// standing move when the block arrives, with the functions the site uses (lib/argument/bridged-standing.ts).
import { analyseClaim, claimItem, rawStanding, responseItem, type DebateNode } from "@/lib/argument/bridged-standing";
import type { Rating } from "@/lib/argument/bridging";

export interface SimulationOptions {
  seed: number;
  /** Honest voters in each camp. */
  campSize: number;
  /** The block's share of all voters once it has voted (0.2: 20 block voters with 80 honest ones). */
  blockShare: number;
  /** The block pushes the claim up (true) or down. */
  blockAgrees: boolean;
  /** Each block member skips this share of items at random (0: every member casts the same ballot). */
  blockNoise: number;
}

export interface SimulationResult {
  raw: { before: number; after: number };
  bridged: { before: number; after: number };
  /** |bridged move| / |raw move|. */
  ratio: number;
}

/** A small seeded generator (mulberry32): the same seed gives the same population everywhere. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The debate: the claim, three partisan arguments on each side, one argument on each side that both camps
 * find strong, and a reply under each partisan argument from the other side.
 */
export const SIMULATED_DEBATE: (DebateNode & { camp: "pro" | "con" | "both" })[] = [
  ...[1, 2, 3].map((n) => ({ id: `pro${n}`, parentId: null, stance: "support" as const, camp: "pro" as const })),
  ...[1, 2, 3].map((n) => ({ id: `con${n}`, parentId: null, stance: "oppose" as const, camp: "con" as const })),
  { id: "pro-fair", parentId: null, stance: "support", camp: "both" },
  { id: "con-fair", parentId: null, stance: "oppose", camp: "both" },
  ...[1, 2, 3].map((n) => ({ id: `pro${n}-rebuttal`, parentId: `pro${n}`, stance: "oppose" as const, camp: "con" as const })),
  ...[1, 2, 3].map((n) => ({ id: `con${n}-rebuttal`, parentId: `con${n}`, stance: "oppose" as const, camp: "pro" as const })),
];
export const SIMULATED_CLAIM = "simulated-claim";

/** How likely a voter of `camp` is to agree with the claim or find an argument strong. */
function approval(camp: "pro" | "con", item: (typeof SIMULATED_DEBATE)[number] | null) {
  if (!item) return camp === "pro" ? 0.85 : 0.15;
  if (item.camp === "both") return 0.8;
  return item.camp === camp ? 0.85 : 0.2;
}

/** The honest camps' votes and the block's, as the site stores them (claim and response items). */
export function simulatedPopulation({ seed, campSize, blockShare, blockAgrees, blockNoise }: SimulationOptions) {
  const random = seededRandom(seed);
  const honest: Rating[] = [];
  for (const camp of ["pro", "con"] as const) {
    for (let n = 0; n < campSize; n++) {
      const voter = `${camp}-${n}`;
      // People vote on some of what they read: the claim and about two thirds of the arguments.
      honest.push({ voter, item: claimItem(SIMULATED_CLAIM), value: random() < approval(camp, null) ? 1 : 0 });
      for (const item of SIMULATED_DEBATE)
        if (random() < 2 / 3) honest.push({ voter, item: responseItem(item.id), value: random() < approval(camp, item) ? 1 : 0 });
    }
  }
  const blockSize = Math.round((blockShare * 2 * campSize) / (1 - blockShare));
  const block: Rating[] = [];
  const side = blockAgrees ? "pro" : "con";
  for (let n = 0; n < blockSize; n++) {
    const voter = `block-${n}`;
    block.push({ voter, item: claimItem(SIMULATED_CLAIM), value: blockAgrees ? 1 : 0 });
    // The block's line: its side's arguments are strong, everything else is weak.
    for (const item of SIMULATED_DEBATE) if (random() >= blockNoise) block.push({ voter, item: responseItem(item.id), value: item.camp === side ? 1 : 0 });
  }
  return { honest, block };
}

export function simulateBrigade(options: SimulationOptions): SimulationResult {
  const { honest, block } = simulatedPopulation(options);
  const raw = {
    before: rawStanding(SIMULATED_CLAIM, SIMULATED_DEBATE, honest).value,
    after: rawStanding(SIMULATED_CLAIM, SIMULATED_DEBATE, [...honest, ...block]).value,
  };
  const bridgedValue = (ratings: Rating[]) => analyseClaim(SIMULATED_CLAIM, SIMULATED_DEBATE, ratings).standing!.value;
  const bridged = { before: bridgedValue(honest), after: bridgedValue([...honest, ...block]) };
  return { raw, bridged, ratio: Math.abs(bridged.after - bridged.before) / Math.max(1e-9, Math.abs(raw.after - raw.before)) };
}

export function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
