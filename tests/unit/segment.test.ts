import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { segmentSentences, splitSentences } from "@/lib/ingest/segment";

const goldenRules = JSON.parse(fs.readFileSync("content/datasets/golden-rules/english.json", "utf8")) as { input: string; expected: string[] }[];

describe("segment: the 48 Golden Rules of sentence boundaries", () => {
  test.each(goldenRules.map((rule, index) => [index + 1, rule] as const))("rule %i", (_, rule) => {
    expect(splitSentences(rule.input)).toEqual(rule.expected);
  });
});

describe("segment: news prose", () => {
  test("titles, initials and dotted abbreviations do not end sentences", () => {
    expect(splitSentences("Sen. Elizabeth Warren met Mr. J. R. Smith of the U.S. Treasury at 9 a.m. on Monday. They talked.")).toEqual([
      "Sen. Elizabeth Warren met Mr. J. R. Smith of the U.S. Treasury at 9 a.m. on Monday.",
      "They talked.",
    ]);
  });

  test("quotations, em-dashes and ellipses stay inside their sentence", () => {
    const text = "“We will not back down,” she said — and meant it… The vote is on Friday. Is it too late?";
    expect(splitSentences(text)).toEqual(["“We will not back down,” she said — and meant it… The vote is on Friday.", "Is it too late?"]);
  });

  test("spans point into the text and cover every word", () => {
    const text = "  First one.  Second one!\nThird one?  ";
    const spans = segmentSentences(text);
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(["First one.", "Second one!", "Third one?"]);
  });

  test("text with no terminal punctuation is one sentence", () => {
    expect(splitSentences("no punctuation at all here")).toEqual(["no punctuation at all here"]);
    expect(splitSentences("   ")).toEqual([]);
  });
});
