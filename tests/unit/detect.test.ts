import { afterAll, describe, expect, test } from "vitest";
import { claimLogit, sigmoid } from "@/lib/ingest/detect";
import { embedSentences, stopEncoder } from "@/lib/ingest/encoder";

afterAll(stopEncoder);

async function probability(sentence: string) {
  const [embedding] = await embedSentences([sentence]);
  return sigmoid(claimLogit(sentence, embedding));
}

describe("detect: the committed claim model on the sentence encoder", () => {
  test("embeddings are 512 numbers, the same for the same sentence", async () => {
    const [first, again] = await embedSentences(["Taxes are too high.", "Taxes are too high."]);
    expect(first).toHaveLength(512);
    expect(Array.from(first)).toEqual(Array.from(again));
  });

  test.each([
    "The government should scrap this reckless plan before it does more damage.",
    "This decision is a grave mistake that will haunt the alliance for years.",
    "We need to recognize that sanctions alone will never end the war.",
  ])("an argument leans towards a claim: %s", async (sentence) => {
    expect(await probability(sentence)).toBeGreaterThan(0.5);
  });

  test.each([
    "BRUSSELS — The ministers met on Tuesday.",
    "The summit will be held in Vilnius on July 11 and 12.",
    "The company reported revenue of $4.2 billion in 2022.",
  ])("a description leans away: %s", async (sentence) => {
    expect(await probability(sentence)).toBeLessThan(0.5);
  });

  test("scores are probabilities, whatever the input", async () => {
    for (const sentence of ["", "x", "!!!", "word ".repeat(500)]) {
      const score = await probability(sentence);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
});
