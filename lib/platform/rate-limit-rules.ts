// Fixed-window rate limits, the pure part: windows, states and what people are told. The counters live
// in PostgreSQL (./rate-limit.ts, and the claim vote's single statement in lib/debate/vote-on-claim.ts).
export interface RateLimitRule {
  /** Most events allowed in one window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitState {
  limited: boolean;
  count: number;
  retryAfterSeconds: number;
}

export function windowStart(rule: Pick<RateLimitRule, "windowMs">, now: number) {
  return new Date(Math.floor(now / rule.windowMs) * rule.windowMs);
}

/** The state after a hit: `count` already includes the new event, so it is over the limit only past it. */
export function stateFor(count: number, rule: RateLimitRule, now: number): RateLimitState {
  const resetsAt = windowStart(rule, now).getTime() + rule.windowMs;
  return {
    limited: count > rule.limit,
    count,
    retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now) / 1000)),
  };
}

function inWords(seconds: number) {
  if (seconds < 120) return `${seconds} seconds`;
  if (seconds < 7200) return `${Math.ceil(seconds / 60)} minutes`;
  return `${Math.ceil(seconds / 3600)} hours`;
}

/** "You are voting faster than Arguably allows. Try again in 42 seconds." */
export function tooFastMessage(what: string, retryAfterSeconds: number) {
  return `You are ${what} faster than Arguably allows. Try again in ${inWords(retryAfterSeconds)}.`;
}
