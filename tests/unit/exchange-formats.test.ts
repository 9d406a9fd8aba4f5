// Argdown and AIF round-trip a debate tree exactly (structure, stances, wording), malformed files are
// refused with a reason that says where, and a claim's anchor becomes a valid Web Annotation.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseAif, parseAifDebates, toAif, toAifDebates } from "@/lib/exchange/aif";
import { parseArgdown, parseArgdownDebates, toArgdown, toArgdownDebates } from "@/lib/exchange/argdown";
import { parseCsv, toCsv } from "@/lib/exchange/csv";
import { ExchangeFormatError, inTreeOrder, type DebateTree } from "@/lib/exchange/debate-tree";
import { toWebAnnotation } from "@/lib/exchange/web-annotation";

/** A random tree: response i answers the claim or an earlier response. */
const trees: fc.Arbitrary<DebateTree> = fc
  .record({
    claim: fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim().length > 0),
    responses: fc.array(
      fc.record({ parent: fc.nat(), stance: fc.constantFrom("support" as const, "oppose" as const), text: fc.string({ minLength: 1, maxLength: 60 }) }),
      { maxLength: 25 },
    ),
  })
  .map(({ claim, responses }) => ({
    claim: { id: "claim-1", text: claim.replace(/\s+/g, " ").trim() },
    responses: responses.map((response, index) => ({
      id: `r${index}`,
      parentId: index === 0 || response.parent % (index + 1) === index ? null : `r${response.parent % index}`,
      stance: response.stance,
      text: response.text.replace(/\s+/g, " ").trim() || "x",
    })),
  }));

/** An article's debates: one to four claims' trees, ids unique across them. */
const forests: fc.Arbitrary<DebateTree[]> = fc.array(trees, { minLength: 1, maxLength: 4 }).map((list) =>
  list.map((tree, k) => ({
    claim: { id: `c${k}`, text: tree.claim.text },
    responses: tree.responses.map((response) => ({ ...response, id: `t${k}-${response.id}`, parentId: response.parentId && `t${k}-${response.parentId}` })),
  })),
);

/** The tree as shape and words, independent of ids: each response as (its path of positions, stance, text). */
function shape(tree: DebateTree) {
  const ordered = inTreeOrder(tree);
  const path = new Map<string | null, string>([[null, ""]]);
  const seen = new Map<string | null, number>();
  return ordered.map((response) => {
    const index = seen.get(response.parentId) ?? 0;
    seen.set(response.parentId, index + 1);
    path.set(response.id, `${path.get(response.parentId)}/${index}`);
    return `${path.get(response.id)} ${response.stance} ${response.text}`;
  });
}

describe("Argdown", () => {
  test("round-trips any tree", () => {
    fc.assert(
      fc.property(trees, (tree) => {
        const back = parseArgdown(toArgdown(tree));
        return back.claim.text === tree.claim.text && JSON.stringify(shape(back)) === JSON.stringify(shape(tree));
      }),
    );
  });

  test("round-trips an article's file: every claim's tree, in order, under the article's title", () => {
    fc.assert(
      fc.property(forests, (forest) => {
        const back = parseArgdownDebates(toArgdownDebates({ title: "An article", trees: forest }));
        return (
          back.title === "An article" &&
          JSON.stringify(back.trees.map((tree) => [tree.claim.text, shape(tree)])) === JSON.stringify(forest.map((tree) => [tree.claim.text, shape(tree)]))
        );
      }),
    );
    expect(() => parseArgdown("[A]: one claim\n[B]: another")).toThrow("holds 2 claims");
  });

  test("writes what Argdown readers expect", () => {
    const text = toArgdown({
      claim: { id: "c", text: "Ukraine will not join NATO." },
      responses: [
        { id: "a", parentId: null, stance: "oppose", text: "Allies said it will." },
        { id: "b", parentId: "a", stance: "support", text: "See\nBucharest 2008." },
      ],
    });
    expect(text).toBe("[Claim]: Ukraine will not join NATO.\n  - [R-a]: Allies said it will.\n    + [R-b]: See Bucharest 2008.\n");
  });

  test("says who marked the claim in a comment, which readers of the file skip", () => {
    const tree = { claim: { id: "c", text: "Ukraine will not join NATO.", markedBy: "Raised by Ada\nLovelace" }, responses: [] };
    expect(toArgdown(tree)).toBe("// Raised by Ada Lovelace\n[Claim]: Ukraine will not join NATO.\n");
    expect(parseArgdown(toArgdown(tree)).claim.text).toBe("Ukraine will not join NATO.");
  });

  test.each([
    ["", "empty"],
    ["+ [A]: no claim first", "line 1: the file must start with the claim"],
    ["[Claim]: x\n    + [A]: too deep", "line 2: indented too deep"],
    ["[Claim]: x\n  * [A]: unknown relation", "line 2: expected"],
    ["[Claim]: x\n  + [A]: one\n  - [A]: again", "line 3: the label [A] is used twice"],
    ["[Claim]: x\n [A]: odd indentation", "line 2: indent with two spaces"],
  ])("refuses %j with a reason", (source, reason) => {
    expect(() => parseArgdown(source)).toThrow(ExchangeFormatError);
    expect(() => parseArgdown(source)).toThrow(reason);
  });
});

describe("AIF JSON", () => {
  test("round-trips any tree, with I-nodes for statements and RA/CA nodes for support/attack", () => {
    fc.assert(
      fc.property(trees, (tree) => {
        const document = toAif(tree);
        const relations = document.nodes.filter((node) => node.type !== "I");
        if (relations.length !== tree.responses.length) return false;
        if (relations.filter((node) => node.type === "RA").length !== tree.responses.filter((response) => response.stance === "support").length) return false;
        const back = parseAif(JSON.parse(JSON.stringify(document)));
        return back.claim.text === tree.claim.text && JSON.stringify(shape(back)) === JSON.stringify(shape(tree));
      }),
    );
  });

  test("round-trips an article's document: one tree per claim", () => {
    fc.assert(
      fc.property(forests, (forest) => {
        const back = parseAifDebates(JSON.parse(JSON.stringify(toAifDebates(forest))));
        return JSON.stringify(back.map((tree) => [tree.claim.text, shape(tree)])) === JSON.stringify(forest.map((tree) => [tree.claim.text, shape(tree)]));
      }),
    );
  });

  test.each([
    [{ nodes: "no" }, "Not an AIF document"],
    [
      {
        nodes: [
          { nodeID: 1, text: "a", type: "I" },
          { nodeID: 1, text: "b", type: "I" },
        ],
        edges: [],
      },
      "share a nodeID",
    ],
    [
      {
        nodes: [
          { nodeID: 1, text: "a", type: "I" },
          { nodeID: 2, text: "b", type: "I" },
        ],
        edges: [],
      },
      "exactly one claim",
    ],
    [{ nodes: [{ nodeID: 1, text: "a", type: "I" }], edges: [{ fromID: 1, toID: 9 }] }, "does not exist"],
    [
      {
        nodes: [
          { nodeID: 1, text: "a", type: "I" },
          { nodeID: 2, text: "x", type: "L" },
        ],
        edges: [],
      },
      "only I, RA and CA",
    ],
    [
      {
        nodes: [
          { nodeID: 1, text: "a", type: "I" },
          { nodeID: 2, text: "b", type: "I" },
          { nodeID: 3, text: "", type: "RA" },
          { nodeID: 4, text: "", type: "RA" },
        ],
        edges: [
          { fromID: 1, toID: 3 },
          { fromID: 3, toID: 2 },
          { fromID: 2, toID: 4 },
          { fromID: 4, toID: 1 },
        ],
      },
      "found none",
    ],
  ])("refuses malformed document %# with a reason", (document, reason) => {
    expect(() => parseAif(document)).toThrow(ExchangeFormatError);
    expect(() => parseAif(document)).toThrow(reason);
  });
});

describe("Web Annotation", () => {
  const anchored = { id: "c1", text: "Reworded", exact: "the words", prefix: "before ", suffix: " after", start: 10, end: 19, articleSlug: "an-article" };

  test("names who marked the claim: the reader who raised it, or the claim finder", () => {
    expect(toWebAnnotation({ ...anchored, origin: "reader", raisedBy: { id: "u1", name: "Ada" } }, "https://arguably.example").creator).toEqual({
      id: "https://arguably.example/users/u1",
      type: "Person",
      name: "Ada",
    });
    expect(toWebAnnotation({ ...anchored, origin: "pipeline", raisedBy: null }, "https://arguably.example").creator).toEqual({
      type: "Software",
      name: "Arguably claim finder",
    });
  });

  test("anchors the claim in its article by quote and by position", () => {
    const annotation = toWebAnnotation({ ...anchored, origin: "editor", raisedBy: null }, "https://arguably.example/");
    expect(annotation).toEqual({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "https://arguably.example/claims/c1",
      type: "Annotation",
      motivation: "highlighting",
      creator: { type: "Organization", name: "Arguably editors" },
      body: { type: "TextualBody", value: "Reworded", format: "text/plain", purpose: "describing" },
      target: {
        source: "https://arguably.example/articles/an-article",
        selector: [
          { type: "TextQuoteSelector", exact: "the words", prefix: "before ", suffix: " after" },
          { type: "TextPositionSelector", start: 10, end: 19 },
        ],
      },
    });
  });
});

describe("CSV", () => {
  test("round-trips any text, quotes and line breaks included", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 10 }), (rows) => {
        const safe = rows.map((row) => row.map((text) => text.replace(/^[=+\-@\t\r]/, "x")));
        return JSON.stringify(parseCsv(toCsv(["a", "b"], safe))) === JSON.stringify([["a", "b"], ...safe]);
      }),
    );
  });

  test("keeps formulas from running in a spreadsheet, and writes nulls as empty cells", () => {
    expect(
      toCsv(
        ["text", "n", "none"],
        [
          ['=HYPERLINK("http://evil")', 3, null],
          ["-1+2", -1, null],
        ],
      ),
    ).toBe('text,n,none\r\n"\'=HYPERLINK(""http://evil"")",3,\r\n\'-1+2,-1,\r\n');
  });
});
