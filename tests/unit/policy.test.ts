import { describe, expect, test } from "vitest";
import { canSignIn, hasRole, isBanned, tokenAllowsWrites, type Actor } from "@/lib/policy";

const now = new Date("2026-06-01T12:00:00Z");
const actor = (role: Actor["role"], bannedUntil: Date | null = null): Actor => ({ id: "u1", role, bannedUntil });

describe("policy", () => {
  test("roles are ordered admin > moderator > editor > user", () => {
    expect(hasRole(actor("admin"), "moderator")).toBe(true);
    expect(hasRole(actor("moderator"), "moderator")).toBe(true);
    expect(hasRole(actor("editor"), "moderator")).toBe(false);
    expect(hasRole(actor("user"), "editor")).toBe(false);
    expect(hasRole(null, "user")).toBe(false);
  });

  test("a ban lasts until its end date and removes every role", () => {
    const banned = actor("admin", new Date("2026-06-02T00:00:00Z"));
    expect(isBanned(banned, now)).toBe(true);
    expect(canSignIn(banned, now)).toBe(false);
    expect(canSignIn(banned, new Date("2026-06-03T00:00:00Z"))).toBe(true);
    expect(hasRole(actor("admin", new Date(Date.now() + 60_000)), "user")).toBe(false);
  });

  test("a read token can change nothing; a write token acts within what its owner may do", () => {
    expect(tokenAllowsWrites("read")).toBe(false);
    expect(tokenAllowsWrites("write")).toBe(true);
  });
});
