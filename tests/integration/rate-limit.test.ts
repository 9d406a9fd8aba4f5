import { describe, expect, test } from "vitest";
import { clearSignInFailures, recordSignInFailure, signInRetryAfter, SIGN_IN_FAILURES_PER_EMAIL } from "@/lib/auth/sign-in-limits";
import { hitRateLimit, peekRateLimit, pruneRateLimits } from "@/lib/data/rate-limit";
import { getDb } from "@/lib/db/client";

describe("rate limits stored in PostgreSQL", () => {
  const rule = { limit: 3, windowMs: 60_000 };

  test("a limit of 3 lets three events through and refuses the fourth, with the seconds left in the window", async () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 15);
    const states = [];
    for (let i = 0; i < 4; i++) states.push(await hitRateLimit("test:a", rule, now));
    expect(states.map((state) => state.limited)).toEqual([false, false, false, true]);
    expect(states[3].retryAfterSeconds).toBe(45);
    expect((await peekRateLimit("test:a", rule, now + 60_000)).count).toBe(0);
  });

  test("fifty simultaneous hits are each counted once", async () => {
    const now = Date.now();
    const states = await Promise.all(Array.from({ length: 50 }, () => hitRateLimit("test:burst", { limit: 100, windowMs: 60_000 }, now)));
    expect(states.map((state) => state.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  test("old windows are pruned", async () => {
    await hitRateLimit("test:old", rule, Date.now() - 3 * 24 * 3600 * 1000);
    await pruneRateLimits();
    expect(await getDb().rateLimitCounter.count({ where: { key: "test:old" } })).toBe(0);
  });
});

describe("failed sign-ins", () => {
  test(`lock an account after ${SIGN_IN_FAILURES_PER_EMAIL.limit} failures, from any address, until cleared`, async () => {
    for (let i = 0; i < SIGN_IN_FAILURES_PER_EMAIL.limit - 1; i++) await recordSignInFailure("victim@example.com", `198.51.100.${i}`);
    expect(await signInRetryAfter("victim@example.com", "203.0.113.1")).toBe(0);
    await recordSignInFailure("Victim@Example.com", "198.51.100.99");
    expect(await signInRetryAfter("victim@example.com", "203.0.113.1")).toBeGreaterThan(0);
    expect(await signInRetryAfter("someone-else@example.com", "203.0.113.1")).toBe(0);
    await clearSignInFailures("victim@example.com");
    expect(await signInRetryAfter("victim@example.com", "203.0.113.1")).toBe(0);
  });

  test("lock an address that sprays many accounts", async () => {
    for (let i = 0; i < 30; i++) await recordSignInFailure(`spray${i}@example.com`, "192.0.2.50");
    expect(await signInRetryAfter("fresh@example.com", "192.0.2.50")).toBeGreaterThan(0);
    expect(await signInRetryAfter("fresh@example.com", "192.0.2.51")).toBe(0);
  });
});
