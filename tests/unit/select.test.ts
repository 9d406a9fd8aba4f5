import { describe, expect, test } from "vitest";
import { parseSentences } from "@/lib/ingest/parse.mjs";
import { isNeverClaim, selectClaims, SELECTION, type ScoredSentence } from "@/lib/ingest/select";
import { sentenceStructure } from "@/lib/ingest/structure";

const read = (text: string) => ({ text, structure: sentenceStructure(parseSentences([text])[0]) });
const sentence = (logit: number, opensParagraph = false, text = "This sentence is long enough to be a claim here."): ScoredSentence => ({
  ...read(text),
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
    "Most popular",
    "Tom Reyes, transport correspondent",
    "Critics say that shorter weeks will cost customers.",
    "Several, including France and Germany, say that they will never agree.",
    "The bridge is safe to use until the closure begins, the county engineer said on Thursday.",
    "By Miriam Okafor and Tom Reyes of the Harbour Ledger staff",
    "HARBOURTON — The bridge will close to all traffic for eight weeks from April.",
    "LONDON (Reuters) - Prices rose faster than at any time since the last election.",
    "Photo: Staff leave the county offices on a Thursday afternoon in spring.",
    "Published March 14, 2026 at 9:00 in the morning by the opinion desk",
  ])("never a claim, whatever it scores: %s", (text) => {
    expect(isNeverClaim(read(text))).toBe(true);
    expect(selectClaims([sentence(5, true, text), sentence(1)])).toEqual([false, true]);
  });

  test.each([
    "The council should reverse this decision and look for savings elsewhere.",
    "Price controls would be the wrong answer to this problem.",
    // Short verdicts are sentences, not fragments: the word count no longer decides (issue 30).
    "That worry is exaggerated.",
    "These are not extras.",
    "Most will not.",
    // The writer's own voice, even with a reporting verb in it.
    "Nobody claims that a single council proves everything.",
    "Critics say the plan is too costly, but they ignore what delay costs.",
    "I argue that the plan will fail.",
  ])("a candidate, left to the detector's score: %s", (text) => {
    expect(isNeverClaim(read(text))).toBe(false);
  });
});
