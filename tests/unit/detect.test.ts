import { afterAll, describe, expect, test } from "vitest";
import { claimLogit, sigmoid } from "@/lib/ingest/detect";
import { readSentences, stopEncoder } from "@/lib/ingest/encoder";

afterAll(stopEncoder);

async function probability(sentence: string) {
  const [reading] = await readSentences([sentence]);
  return sigmoid(claimLogit(sentence, reading));
}

describe("detect: the committed claim model on the sentence encoder", () => {
  test("embeddings are 512 numbers, the same for the same sentence, with the sentence's words tagged", async () => {
    const [first, again] = await readSentences(["Taxes are too high.", "Taxes are too high."]);
    expect(first.embedding).toHaveLength(512);
    expect(Array.from(first.embedding)).toEqual(Array.from(again.embedding));
    expect(first.tokens.map((token) => [token.word, token.pos])).toEqual([
      ["Taxes", expect.stringMatching(/NOUN|PROPN/)],
      ["are", "AUX"],
      ["too", "ADV"],
      ["high", "ADJ"],
      [".", "PUNCT"],
    ]);
  });

  test.each([
    "The government should scrap this reckless plan before it does more damage.",
    "This decision is a grave mistake that will haunt the alliance for years.",
    "We need to recognize that sanctions alone will never end the war.",
    // Short verdicts and first-person or general claims without a hedge or an evaluative word (issue 30).
    "That worry is exaggerated.",
    "I doubt the plan survives its first winter.",
    "The board should publish the figures every month, because trust depends on them more than on the result.",
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
