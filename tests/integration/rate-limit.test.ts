import { describe, expect, test } from "vitest";
import { admitSignInAttempt, forgiveSignInAttempt, SIGN_IN_ATTEMPTS_PER_EMAIL, SIGN_IN_ATTEMPTS_PER_IP } from "@/lib/auth/sign-in-limits";
import { createUser } from "@/lib/accounts/create-user";
import { hitRateLimit, pruneRateLimits } from "@/lib/platform/rate-limit";
import { getDb } from "@/lib/db/client";

describe("rate limits stored in PostgreSQL", () => {
  const rule = { limit: 3, windowMs: 60_000 };

  test("a limit of 3 lets three events through and refuses the fourth, with the seconds left in the window", async () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 15);
    const states = [];
    for (let i = 0; i < 4; i++) states.push(await hitRateLimit("test:a", rule, now));
    expect(states.map((state) => state.limited)).toEqual([false, false, false, true]);
    expect(states[3].retryAfterSeconds).toBe(45);
    // The next window starts afresh: its first event is the first counted there, and allowed.
    const next = await hitRateLimit("test:a", rule, now + 60_000);
    expect([next.count, next.limited]).toEqual([1, false]);
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

describe("sign-in attempts", () => {
  const { limit } = SIGN_IN_ATTEMPTS_PER_EMAIL;

  test(`lock an account after ${limit} attempts, from any address and in any letter case, until one succeeds`, async () => {
    for (let i = 0; i < limit; i++) expect(await admitSignInAttempt("victim@example.com", `198.51.100.${i}`)).toBe(0);
    expect(await admitSignInAttempt("Victim@Example.com ", "203.0.113.1")).toBeGreaterThan(0);
    expect(await admitSignInAttempt("someone-else@example.com", "203.0.113.1")).toBe(0);
    await forgiveSignInAttempt("victim@example.com", "198.51.100.0");
    expect(await admitSignInAttempt("victim@example.com", "203.0.113.1")).toBe(0);
  });

  test("fifty attempts at once admit exactly the limit", async () => {
    const waits = await Promise.all(Array.from({ length: 50 }, (_, i) => admitSignInAttempt("burst@example.com", `198.51.100.${i}`)));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(limit);
  });

  test("lock an address that sprays many accounts; a success gives its attempt back", async () => {
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_IP.limit; i++) expect(await admitSignInAttempt(`spray${i}@example.com`, "192.0.2.50")).toBe(0);
    expect(await admitSignInAttempt("fresh@example.com", "192.0.2.50")).toBeGreaterThan(0);
    expect(await admitSignInAttempt("fresh@example.com", "192.0.2.51")).toBe(0);
    await forgiveSignInAttempt("spray0@example.com", "192.0.2.50");
    await forgiveSignInAttempt("spray1@example.com", "192.0.2.50");
    expect(await admitSignInAttempt("fresh2@example.com", "192.0.2.50")).toBe(0);
  });

  test("the account's owner is told once when it locks", async () => {
    const owner = await createUser({ email: "owner@example.com", name: "Owner" });
    for (let i = 0; i < limit + 3; i++) await admitSignInAttempt("owner@example.com", "198.51.100.200");
    expect(await getDb().accountEvent.findMany({ where: { userId: owner.id }, select: { kind: true } })).toEqual([{ kind: "sign_in_locked" }]);
  });
});
