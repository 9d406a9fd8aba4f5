import { describe, expect, test } from "vitest";
import { claimScore, claimThreshold } from "@/lib/ingest/detect";
import { newsSdTestF1 } from "@/scripts/lib/evaluate-ingest";

describe("detect: the committed claim model", () => {
  test("reaches macro-F1 >= 0.65 on the NewsSD-ENG test split (published TF-IDF+LR: 0.55)", () => {
    expect(newsSdTestF1()).toBeGreaterThanOrEqual(0.65);
  });

  test.each([
    "The government should scrap this reckless plan before it does more damage.",
    "This decision is a grave mistake that will haunt the alliance for years.",
    "We need to recognize that sanctions alone will never end the war.",
  ])("proposes an argument as a claim: %s", (sentence) => {
    expect(claimScore(sentence)).toBeGreaterThanOrEqual(claimThreshold());
  });

  test.each([
    "BRUSSELS — The ministers met on Tuesday.",
    "The summit will be held in Vilnius on July 11 and 12.",
    "The company reported revenue of $4.2 billion in 2022.",
    "What happens next?",
  ])("leaves a description alone: %s", (sentence) => {
    expect(claimScore(sentence)).toBeLessThan(claimThreshold());
  });

  test("scores are probabilities", () => {
    for (const sentence of ["", "x", "!!!", "word ".repeat(500)]) {
      const score = claimScore(sentence);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
});
