import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compareBy, wilsonLowerBound } from "@/lib/argument/ranking";
import {
  baseScore,
  combine,
  combineLogs,
  logComplement,
  standingFromAggregates,
  standingOf,
  strength,
  type ArgumentNode,
  type Root,
} from "@/lib/argument/standing";

const unit = fc.double({ min: 0, max: 1, noNaN: true });

const node: fc.Memo<ArgumentNode> = fc.memo((depth) =>
  fc.record({
    id: fc.uuid(),
    stance: fc.constantFrom("support" as const, "oppose" as const),
    base: unit,
    children: depth > 1 ? fc.array(node(depth - 1), { maxLength: 3 }) : fc.constant([]),
  }),
);
const root: fc.Arbitrary<Root> = fc.record({ base: unit, children: fc.array(node(3), { maxLength: 4 }) });

describe("standing (DF-QuAD)", () => {
  test("no votes and no responses sit at 0.5", () => {
    expect(baseScore(0, 0)).toBe(0.5);
    expect(strength({ base: baseScore(0, 0), children: [] })).toBe(0.5);
  });

  test("the formula: attackers pull toward 0, supporters toward 1", () => {
    expect(combine(0.5, [1], [])).toBe(0);
    expect(combine(0.5, [], [1])).toBe(1);
    expect(combine(0.5, [0.5], [0.5])).toBe(0.5);
    expect(combine(0.6, [0.5], [])).toBeCloseTo(0.3);
    expect(combine(0.6, [], [0.5])).toBeCloseTo(0.8);
  });

  test("is always within [0, 1]", () => {
    fc.assert(
      fc.property(root, (tree) => {
        const value = strength(tree);
        return value >= 0 && value <= 1;
      }),
    );
  });

  test("adding a supporter never lowers it; adding an attacker never raises it", () => {
    fc.assert(
      fc.property(root, node(3), (tree, extra) => {
        const before = strength(tree);
        const withSupporter = strength({ ...tree, children: [...tree.children, { ...extra, stance: "support" }] });
        const withAttacker = strength({ ...tree, children: [...tree.children, { ...extra, stance: "oppose" }] });
        return withSupporter >= before - 1e-12 && withAttacker <= before + 1e-12;
      }),
    );
  });

  test("the explanation names the responses that move it, by how much", () => {
    const tree: Root = {
      base: 0.5,
      children: [
        { id: "strong-support", stance: "support", base: 0.9, children: [] },
        { id: "weak-support", stance: "support", base: 0.2, children: [] },
        { id: "attack", stance: "oppose", base: 0.7, children: [] },
      ],
    };
    const standing = standingOf(tree);
    expect(standing.raisedBy.map((reason) => reason.id)).toEqual(["strong-support", "weak-support"]);
    expect(standing.loweredBy.map((reason) => reason.id)).toEqual(["attack"]);
    expect(standing.raisedBy[0].effect).toBeGreaterThan(standing.raisedBy[1].effect);
  });
});

describe("standing from stored aggregates (what the database keeps, decision 010)", () => {
  const aggregates = (tree: Root) => ({
    base: tree.base,
    supportLog: tree.children.filter((child) => child.stance === "support").reduce((sum, child) => sum + logComplement(strength(child)), 0),
    opposeLog: tree.children.filter((child) => child.stance === "oppose").reduce((sum, child) => sum + logComplement(strength(child)), 0),
  });

  test("sums of logarithms give the same strength as the product form", () => {
    fc.assert(fc.property(root, (tree) => Math.abs(combineLogs(tree.base, aggregates(tree).supportLog, aggregates(tree).opposeLog) - strength(tree)) < 1e-9));
  });

  test("the three strongest responses of each stance name the same reasons, with the same effects", () => {
    fc.assert(
      fc.property(fc.record({ base: unit, children: fc.array(node(2), { maxLength: 12 }) }), (tree) => {
        const expected = standingOf(tree);
        const strongest = (["support", "oppose"] as const).flatMap((stance) =>
          tree.children
            .filter((child) => child.stance === stance)
            .map((child) => ({ id: child.id, stance, strength: strength(child) }))
            .sort((a, b) => b.strength - a.strength)
            .slice(0, 3),
        );
        const actual = standingFromAggregates(aggregates(tree), strongest);
        const same = (a: { effect: number }[], b: { effect: number }[]) =>
          a.length === b.length && a.every((reason, index) => Math.abs(reason.effect - b[index].effect) < 1e-9);
        return Math.abs(actual.value - expected.value) < 1e-9 && same(actual.raisedBy, expected.raisedBy) && same(actual.loweredBy, expected.loweredBy);
      }),
    );
  });
});

describe("ranking", () => {
  test("Wilson lower bound prefers many strong votes over few", () => {
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(90, 10)).toBeGreaterThan(wilsonLowerBound(2, 0));
    expect(wilsonLowerBound(2, 0)).toBeGreaterThan(wilsonLowerBound(1, 1));
  });

  test("each sort orders as its name says", () => {
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));
    const items = [
      { id: "old-best", createdAt: at(0), strong: 50, weak: 2, replies: 1 },
      { id: "new", createdAt: at(30), strong: 0, weak: 0, replies: 0 },
      { id: "debated", createdAt: at(10), strong: 1, weak: 1, replies: 9 },
      { id: "split", createdAt: at(20), strong: 20, weak: 19, replies: 2 },
    ];
    const order = (sort: Parameters<typeof compareBy>[0]) => [...items].sort(compareBy(sort)).map((item) => item.id);
    expect(order("best")[0]).toBe("old-best");
    expect(order("newest")[0]).toBe("new");
    expect(order("debated")[0]).toBe("debated");
    expect(order("controversial")[0]).toBe("split");
  });
});
