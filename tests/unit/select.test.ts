import { describe, expect, test } from "vitest";
import { isNeverClaim, selectClaims, SELECTION, type ScoredSentence } from "@/lib/ingest/select";

const sentence = (logit: number, opensParagraph = false, text = "This sentence is long enough to be a claim here."): ScoredSentence => ({
  text,
  logit,
  opensParagraph,
});

describe("select: which sentences of an article become claims", () => {
  test("an op-ed whose sentences all argue gets at most its share, the strongest first", () => {
    const sentences = Array.from({ length: 20 }, (_, i) => sentence(1 + i / 10));
    const chosen = selectClaims(sentences);
    expect(chosen.filter(Boolean)).toHaveLength(Math.floor(20 * SELECTION.share));
    expect(chosen.slice(-5)).toEqual([true, true, true, true, true]);
    expect(chosen[0]).toBe(false);
  });

  test("a news report whose sentences describe gets none, however few that is", () => {
    expect(selectClaims(Array.from({ length: 12 }, () => sentence(-1.5))).some(Boolean)).toBe(false);
  });

  test("a paragraph's opener beats an equal sentence inside a paragraph, and can lift it over the floor", () => {
    const logit = -0.3; // below the floor alone, above it with the opener's bonus
    expect(selectClaims([sentence(logit, true), sentence(logit, false)])).toEqual([true, false]);
  });

  test.each([
    "Most will not.",
    "By Miriam Okafor and Tom Reyes of the Harbour Ledger staff",
    "HARBOURTON — The bridge will close to all traffic for eight weeks from April.",
    "LONDON (Reuters) - Prices rose faster than at any time since the last election.",
    "Photo: Staff leave the county offices on a Thursday afternoon in spring.",
    "Published March 14, 2026 at 9:00 in the morning by the opinion desk",
  ])("never a claim, whatever it scores: %s", (text) => {
    expect(isNeverClaim(text)).toBe(true);
    expect(selectClaims([sentence(5, true, text), sentence(1)])).toEqual([false, true]);
  });

  test("ordinary arguing sentences are not caught by those rules", () => {
    expect(isNeverClaim("The council should reverse this decision and look for savings elsewhere.")).toBe(false);
    expect(isNeverClaim("Price controls would be the wrong answer to this problem.")).toBe(false);
  });
});
