import { describe, expect, test } from "vitest";
import { CLAIM_MAX_CHARS, judgeSelection, sentenceAround, snapToWords } from "@/lib/argument/raise-rules";
import type { BodyBlock } from "@/lib/ingest";
import { paragraphSentences } from "@/lib/ingest/spans";

// Three blocks: a heading and two paragraphs, as an imported article's body.
const heading = "Why the bridge matters";
const first = "The council should rebuild the bridge. Closing it for good would cut the town in two, and “temporary” repairs have cost more than a new one.";
const second = "Traffic fell by a third last year. Nobody expects it to return.";
const body = `${heading}\n\n${first}\n\n${second}`;
const blocks: BodyBlock[] = [
  { kind: "heading", start: 0, end: heading.length },
  { kind: "paragraph", start: heading.length + 2, end: heading.length + 2 + first.length },
  { kind: "paragraph", start: body.length - second.length, end: body.length },
];
const at = (words: string) => {
  const start = body.indexOf(words);
  if (start < 0) throw new Error(`not in the body: ${words}`);
  return { start, end: start + words.length };
};
const text = (span: { start: number; end: number }) => body.slice(span.start, span.end);

describe("snapToWords: a selection becomes whole words", () => {
  test("a drag that starts and ends inside words takes both words whole", () => {
    const rough = { start: body.indexOf("ouncil"), end: body.indexOf("bridge.") + 3 };
    expect(text(snapToWords(body, rough))).toBe("council should rebuild the bridge.");
  });

  test("spaces around the selection are dropped; quotation marks and a full stop clinging to the words are kept", () => {
    const rough = { start: body.indexOf("temporary") - 2, end: body.indexOf("temporary") + "temporary".length };
    expect(text(snapToWords(body, rough))).toBe("“temporary”");
    expect(text(snapToWords(body, at("Nobody expects it to return")))).toBe("Nobody expects it to return.");
  });
});

describe("judgeSelection: what a reader's selection becomes", () => {
  const claim = { id: "c1", ...at("The council should rebuild the bridge.") };

  test("words no claim covers become a new claim, snapped to words", () => {
    const judged = judgeSelection(body, blocks, at("raffic fell by a third last yea"), [claim]);
    expect(judged).toEqual({ kind: "new", span: at("Traffic fell by a third last year.") });
  });

  test("words that are mostly an existing claim's open that claim: one debate per point", () => {
    expect(judgeSelection(body, blocks, at("council should rebuild the"), [claim])).toEqual({ kind: "existing", claimId: "c1" });
    // The whole claim plus a word or two either side is still that claim.
    expect(judgeSelection(body, blocks, { start: claim.start, end: claim.end + 8 }, [claim])).toEqual({ kind: "existing", claimId: "c1" });
  });

  test("a selection that covers most of a short claim opens it, even if the selection is longer", () => {
    const short = { id: "c2", ...at("Closing it for good would cut the town in two") };
    const judged = judgeSelection(body, blocks, at("Closing it for good would cut the town in two, and “temporary” repairs"), [short]);
    expect(judged).toEqual({ kind: "existing", claimId: "c2" });
  });

  test("a selection that only touches a claim offers the longest part outside it", () => {
    const judged = judgeSelection(body, blocks, at("rebuild the bridge. Closing it for good would cut the town in two"), [claim]);
    expect(judged.kind).toBe("partlyClaimed");
    if (judged.kind !== "partlyClaimed") return;
    expect(judged.claimId).toBe("c1");
    expect(text(judged.suggestion!)).toBe("Closing it for good would cut the town in two");
  });

  test("a selection across two paragraphs offers the part in the first paragraph", () => {
    const judged = judgeSelection(body, blocks, { start: body.indexOf("repairs"), end: body.indexOf("Traffic fell") + 7 }, []);
    expect(judged.kind).toBe("acrossParagraphs");
    if (judged.kind !== "acrossParagraphs") return;
    expect(text(judged.suggestion!)).toBe("repairs have cost more than a new one.");
  });

  test.each([
    ["empty", { start: 40, end: 40 }, /Select some words/],
    ["white space only", { start: blocks[0].end, end: blocks[1].start }, /Select some words/],
    ["outside the body", { start: body.length - 3, end: body.length + 20 }, /not part of the article/],
    ["negative", { start: -5, end: 3 }, /not part of the article/],
    ["a heading", at("bridge matters"), /Headings cannot be argued/],
    ["a single short word", at("Traffic"), /at least 10 characters/],
  ])("%s: refused with a message that says why", (_, selection, message) => {
    const judged = judgeSelection(body, blocks, selection, []);
    expect(judged.kind).toBe("invalid");
    if (judged.kind === "invalid") expect(judged.message).toMatch(message);
  });

  test(`more than ${CLAIM_MAX_CHARS} characters is refused with the count`, () => {
    const long = `${"Every clause of this long paragraph argues the same point again. ".repeat(12)}`.trim();
    const longBody = `${long}`;
    const judged = judgeSelection(longBody, [{ kind: "paragraph", start: 0, end: longBody.length }], { start: 0, end: longBody.length }, []);
    expect(judged).toEqual({
      kind: "invalid",
      message: expect.stringContaining(`at most ${CLAIM_MAX_CHARS} characters (that selection has ${longBody.length})`),
    });
  });
});

describe("sentences for the keyboard path", () => {
  test("every paragraph's sentences, in body offsets, and none from headings", () => {
    const sentences = paragraphSentences(body, blocks);
    expect(sentences.map(text)).toEqual([
      "The council should rebuild the bridge.",
      "Closing it for good would cut the town in two, and “temporary” repairs have cost more than a new one.",
      "Traffic fell by a third last year.",
      "Nobody expects it to return.",
    ]);
    expect(text(sentenceAround(sentences, at("cut the town"))!)).toMatch(/^Closing it/);
  });
});
