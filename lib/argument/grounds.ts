// Numbers only with grounds (issue 28). A standing computed from no votes is the prior (50%), and from
// one or two votes mostly the prior: shown as a percentage and a coloured bar it reads like a verdict
// nobody gave. So a claim's standing is put in numbers only once enough people have voted on it, and a
// response's effect on it only when it moves it by a point or more. Pure: the server's render, live
// updates and the API's descriptions all ask here.

/**
 * Votes on the claim itself (agree + disagree) before its standing is shown as a figure. Five is where
 * the smoothing prior (one imaginary vote each way, ./standing.ts baseScore) weighs less than a third
 * of the claim's base score; below it the page says "too few votes to say", with the counts.
 */
export const MIN_VOTES_FOR_STANDING = 5;

/** A change smaller than this (half a point, which rounds to 0) is not shown as an effect. */
export const MEASURABLE_EFFECT = 0.005;

export type StandingGrounds = { kind: "none" } | { kind: "few"; agree: number; disagree: number } | { kind: "enough" };

export function standingGrounds({ agree, disagree }: { agree: number; disagree: number }): StandingGrounds {
  const votes = agree + disagree;
  if (votes === 0) return { kind: "none" };
  if (votes < MIN_VOTES_FOR_STANDING) return { kind: "few", agree, disagree };
  return { kind: "enough" };
}

/** Whether a response's effect on a standing is worth a figure ("+3 points"). */
export function isMeasurable(effect: number): boolean {
  return Math.abs(effect) >= MEASURABLE_EFFECT;
}

/** "1 agree, 0 disagree": the counts behind "too few votes to say". */
export function voteCounts({ agree, disagree }: { agree: number; disagree: number }): string {
  return `${agree} agree, ${disagree} disagree`;
}

/**
 * A response's standing from its own ratings (strong/weak) is shown only with the same grounds as a
 * claim's: before that, its ratings speak for themselves.
 */
export function hasGroundsForStrength({ strong, weak }: { strong: number; weak: number }): boolean {
  return strong + weak >= MIN_VOTES_FOR_STANDING;
}
