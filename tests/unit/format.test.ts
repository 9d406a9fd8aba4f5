// Counts in words agree with their numbers (issue 28: profiles said "1 times", "1 replies"), and the
// standing is put in numbers only with grounds.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { count } from "@/lib/format";
import { formatAge } from "@/lib/format-age";
import { isMeasurable, MIN_VOTES_FOR_STANDING, standingGrounds } from "@/lib/argument/grounds";

describe("counts in words", () => {
  test("the word is singular for exactly one, plural otherwise, and large numbers are grouped", () => {
    fc.assert(
      fc.property(fc.nat({ max: 2_000_000 }), (n) => {
        const words = count(n, "reply", "replies");
        expect(words.endsWith(n === 1 ? " reply" : " replies")).toBe(true);
        expect(words.replace(/,/g, "").startsWith(String(n))).toBe(true);
      }),
    );
    expect(count(1, "time")).toBe("1 time");
    expect(count(12_345, "response")).toBe("12,345 responses");
  });

  test("ages say one minute, not one minutes", () => {
    const now = new Date("2026-12-06T12:00:00Z");
    expect(formatAge(new Date(now.getTime() - 61_000), now)).toBe("1 minute ago");
    expect(formatAge(new Date(now.getTime() - 3_600_000), now)).toBe("1 hour ago");
    expect(formatAge(new Date(now.getTime() - 2 * 86_400_000), now)).toBe("2 days ago");
  });
});

describe("numbers only with grounds", () => {
  test("no votes, too few, enough: by the count of votes on the claim, whichever way they went", () => {
    fc.assert(
      fc.property(fc.nat({ max: 50 }), fc.nat({ max: 50 }), (agree, disagree) => {
        const grounds = standingGrounds({ agree, disagree });
        const votes = agree + disagree;
        expect(grounds.kind).toBe(votes === 0 ? "none" : votes < MIN_VOTES_FOR_STANDING ? "few" : "enough");
      }),
    );
  });

  test("an effect under half a point is not a figure", () => {
    expect(isMeasurable(0.0049)).toBe(false);
    expect(isMeasurable(-0.005)).toBe(true);
    expect(isMeasurable(0.2)).toBe(true);
  });
});
