// Ordering responses. Pure.

/** Lower bound of the Wilson score interval (95%) for the share of "strong" votes. */
export function wilsonLowerBound(strong: number, weak: number, z = 1.96): number {
  const n = strong + weak;
  if (n === 0) return 0;
  const p = strong / n;
  return (p + (z * z) / (2 * n) - z * Math.sqrt((p * (1 - p) + (z * z) / (4 * n)) / n)) / (1 + (z * z) / n);
}

/** High when many people vote and they split evenly. */
export function controversy(strong: number, weak: number): number {
  if (strong === 0 || weak === 0) return 0;
  const balance = Math.min(strong, weak) / Math.max(strong, weak);
  return (strong + weak) ** balance;
}

export const SORTS = ["best", "bridging", "newest", "debated", "controversial"] as const;
export type Sort = (typeof SORTS)[number];

export interface Rankable {
  createdAt: Date;
  strong: number;
  weak: number;
  replies: number;
  /** The bridged base score (lib/argument/bridging.ts), null before the job has rated it. */
  bridged?: number | null;
}

export function compareBy(sort: Sort): (a: Rankable, b: Rankable) => number {
  const newest = (a: Rankable, b: Rankable) => b.createdAt.getTime() - a.createdAt.getTime();
  switch (sort) {
    case "best":
      return (a, b) => wilsonLowerBound(b.strong, b.weak) - wilsonLowerBound(a.strong, a.weak) || newest(a, b);
    case "bridging":
      // Supported across opinion groups first; not yet rated counts as neither (0.5).
      return (a, b) => (b.bridged ?? 0.5) - (a.bridged ?? 0.5) || wilsonLowerBound(b.strong, b.weak) - wilsonLowerBound(a.strong, a.weak) || newest(a, b);
    case "newest":
      return newest;
    case "debated":
      return (a, b) => b.replies - a.replies || newest(a, b);
    case "controversial":
      return (a, b) => controversy(b.strong, b.weak) - controversy(a.strong, a.weak) || newest(a, b);
  }
}
