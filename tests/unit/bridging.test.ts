// Bridged standing (decision 020): Community Notes' matrix factorisation, opinion groups, the claim's
// bridged standing and explanation, a reader's crux, and the brigading simulation's target.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { analyseClaim, claimItem, explainGroups, rawStanding, responseItem, type DebateNode } from "@/lib/argument/bridged-standing";
import { BLOCK_MIN_VOTES, bridgedBase, fitBridging, type Rating } from "@/lib/argument/bridging";
import { personalCrux } from "@/lib/argument/crux";
import { MIN_VOTERS_FOR_GROUPS, opinionGroups } from "@/lib/argument/opinion-groups";
import { median, simulateBrigade } from "@/scripts/lib/brigade-simulation";

const items = ["claim:c", "response:a", "response:b", "response:c", "response:d", "response:e", "response:f", "response:g", "response:h"];

/** A random population: each voter rates some items, 0 or 1. */
const populations = fc
  .array(fc.array(fc.tuple(fc.constantFrom(...items), fc.constantFrom(0, 1)), { minLength: 1, maxLength: 9 }), { minLength: 3, maxLength: 30 })
  .map((ballots) => {
    const ratings: Rating[] = [];
    ballots.forEach((ballot, voter) => {
      const seen = new Set<string>();
      for (const [item, value] of ballot) {
        if (seen.has(item)) continue;
        seen.add(item);
        ratings.push({ voter: `v${voter}`, item, value });
      }
    });
    return ratings;
  });

const scores = (ratings: Rating[]) => {
  const fit = fitBridging(ratings);
  return items.map((item) => bridgedBase(fit, item));
};

/**
 * Two camps: "pro" people agree with the claim and rate the pro argument strong, "con" people the
 * reverse, one in five crossing the line as real people do. Three in four of each camp find "shared"
 * strong; the pro camp alone finds "partisan" strong. With a pro camp three times the size of the con
 * camp, both arguments get three in four of the votes.
 */
function twoCamps(pro: number, con: number) {
  const ratings: Rating[] = [];
  for (const [camp, size] of [
    ["pro", pro],
    ["con", con],
  ] as const) {
    for (let n = 0; n < size; n++) {
      const voter = `${camp}${n}`;
      const agrees = (camp === "pro") === (n % 5 !== 0);
      ratings.push({ voter, item: "claim:c", value: agrees ? 1 : 0 });
      ratings.push({ voter, item: "response:pro", value: agrees ? 1 : 0 });
      ratings.push({ voter, item: "response:con", value: agrees ? 0 : 1 });
      ratings.push({ voter, item: "response:shared", value: n % 4 === 0 ? 0 : 1 });
      ratings.push({ voter, item: "response:partisan", value: camp === "pro" ? 1 : 0 });
    }
  }
  return ratings;
}

describe("the bridging model (matrix factorisation)", () => {
  test("is deterministic: the same votes give the same scores, to the last bit", () => {
    fc.assert(fc.property(populations, (ratings) => JSON.stringify(scores(ratings)) === JSON.stringify(scores(ratings))));
  });

  test("does not depend on who the voters are or the order of their votes", () => {
    fc.assert(
      fc.property(populations, fc.integer(), (ratings, salt) => {
        const renamed = ratings.map((rating) => ({ ...rating, voter: `person-${(Number(rating.voter.slice(1)) * 7919 + salt) >>> 0}-x` })).reverse();
        const before = scores(ratings);
        const after = scores(renamed);
        return before.every((score, index) => (score === null ? after[index] === null : Math.abs(score - after[index]!) < 1e-9));
      }),
    );
  });

  test("is stable when a voter joins who votes exactly like one already there", () => {
    // A ballot long enough to count as evidence (BLOCK_MIN_VOTES): the twin and the original then count
    // as one voter together (and as a third of one, each, if a third voter's ballot is nearly the same).
    const withFullBallot = populations.map((ratings) => [
      ...ratings.filter((rating) => rating.voter !== "v0"),
      ...items.slice(0, BLOCK_MIN_VOTES).map((item, index) => ({ voter: "v0", item, value: index % 2 })),
    ]);
    fc.assert(
      fc.property(withFullBallot, (ratings) => {
        const copied = ratings.filter((rating) => rating.voter === "v0").map((rating) => ({ ...rating, voter: "twin" }));
        const before = scores(ratings);
        const after = scores([...ratings, ...copied]);
        return before.every((score, index) => score === null || Math.abs(score - after[index]!) < 0.05);
      }),
    );
  });

  test("credits support that comes from both camps above support from one camp alone", () => {
    const ratings = twoCamps(24, 8);
    const raw = (item: string) => ratings.filter((rating) => rating.item === item && rating.value === 1).length;
    // As many strong votes for each …
    expect(raw("response:shared")).toBe(raw("response:partisan"));
    const fit = fitBridging(ratings);
    // … but one has them from both camps.
    expect(bridgedBase(fit, "response:shared")!).toBeGreaterThan(bridgedBase(fit, "response:partisan")! + 0.05);
    // Voters of a camp sit on the same side of the factor.
    const side = (voter: string) => Math.sign(fit.voters.get(voter)!.factor);
    expect(side("pro1")).toBe(side("pro2"));
    expect(side("con1")).toBe(-side("pro1"));
  });

  test("counts a block of identical ballots as one voter", () => {
    const ratings = twoCamps(20, 20);
    const block = Array.from({ length: 15 }, (_, n) =>
      ["claim:c", "response:pro", "response:con", "response:partisan", "response:x1", "response:x2", "response:x3", "response:x4"].map((item) => ({
        voter: `block${n}`,
        item,
        value: item === "response:con" ? 0 : 1,
      })),
    ).flat();
    const one = block.filter((rating) => rating.voter === "block0");
    const withBlock = fitBridging([...ratings, ...block]);
    const withOne = fitBridging([...ratings, ...one]);
    expect(Math.abs(bridgedBase(withBlock, "claim:c")! - bridgedBase(withOne, "claim:c")!)).toBeLessThan(1e-6);
  });
});

/** Two camps that vote with their camp on the claim and its two partisan arguments, and alike on a third. */
function cleanCamps(size: number) {
  return (["pro", "con"] as const).flatMap((camp) =>
    Array.from({ length: size }, (_, n) => {
      const voter = `${camp}${n}`;
      const agrees = camp === "pro";
      return [
        { voter, item: "claim:c", value: agrees ? 1 : 0 },
        { voter, item: "response:pro", value: agrees ? 1 : 0 },
        ...(n % 3 ? [{ voter, item: "response:con", value: agrees ? 0 : 1 }] : []),
        { voter, item: "response:shared", value: 1 },
      ];
    }).flat(),
  );
}

describe("opinion groups", () => {
  test("finds the two camps, largest first, and says how each leans on the claim", () => {
    const groups = opinionGroups(cleanCamps(12));
    expect(groups.map((group) => group.label)).toEqual(["A", "B"]);
    expect(groups.map((group) => group.voters.length)).toEqual([12, 12]);
    // Each group is one camp: one agrees with the claim to a person, the other disagrees.
    const leans = groups.map((group) => group.leans.get("claim:c")!);
    expect(leans.map((lean) => [lean.for, lean.against]).sort()).toEqual([
      [0, 12],
      [12, 0],
    ]);
  });

  test("shows no groups under the minimum number of voters, or when people do not split", () => {
    expect(opinionGroups(cleanCamps(12).filter((rating) => Number(rating.voter.replace(/\D/g, "")) < 4))).toEqual([]);
    expect(MIN_VOTERS_FOR_GROUPS).toBe(10);
    const crowd: Rating[] = Array.from({ length: 30 }, (_, n) => [
      { voter: `p${n}`, item: "claim:c", value: 1 },
      { voter: `p${n}`, item: "response:a", value: 1 },
    ]).flat();
    expect(opinionGroups(crowd)).toEqual([]);
  });

  test("are the same groups whoever the voters are", () => {
    const ratings = cleanCamps(12);
    const renamed = ratings.map((rating) => ({ ...rating, voter: `z-${rating.voter.split("").reverse().join("")}` })).reverse();
    const sizes = (groups: ReturnType<typeof opinionGroups>) =>
      groups.map((group) => [group.label, group.voters.length, JSON.stringify([...group.leans].sort())]);
    expect(sizes(opinionGroups(renamed))).toEqual(sizes(opinionGroups(ratings)));
  });
});

describe("a claim's bridged standing", () => {
  const tree: DebateNode[] = [
    { id: "pro", parentId: null, stance: "support" },
    { id: "con", parentId: null, stance: "oppose" },
    { id: "shared", parentId: null, stance: "support" },
    { id: "partisan", parentId: null, stance: "oppose" },
  ];

  test("has none under the minimum number of voters, and one beside the groups above it", () => {
    const few = twoCamps(2, 2);
    expect(analyseClaim("c", tree, few).standing).toBeNull();
    const result = analyseClaim("c", tree, twoCamps(24, 8));
    expect(result.voters).toBe(32);
    expect(result.standing!.value).toBeGreaterThan(0);
    expect(result.groups.length).toBeGreaterThanOrEqual(2);
    expect(result.responseScores.get("shared")!).toBeGreaterThan(result.responseScores.get("partisan")!);
  });

  test("the explanation names the groups that agree", () => {
    expect(
      explainGroups([
        { label: "A", size: 12, agree: 10, disagree: 2 },
        { label: "B", size: 9, agree: 1, disagree: 8 },
      ]),
    ).toBe("Group A agrees; group B disagrees. The bridged standing counts only what is supported across groups.");
    expect(
      explainGroups([
        { label: "A", size: 12, agree: 10, disagree: 2 },
        { label: "B", size: 9, agree: 7, disagree: 1 },
      ]),
    ).toBe("Agreement across groups: A and B both agree.");
    expect(
      explainGroups([
        { label: "A", size: 5, agree: 3, disagree: 2 },
        { label: "B", size: 4, agree: 0, disagree: 0 },
        { label: "C", size: 4, agree: 4, disagree: 0 },
      ]),
    ).toBe("Group A is split; group B has not voted on the claim; group C agrees. The bridged standing counts only what is supported across groups.");
  });

  test("the raw standing the simulation compares against is the database's (votes with one imaginary vote each way)", () => {
    const ratings: Rating[] = [
      { voter: "a", item: claimItem("c"), value: 1 },
      { voter: "b", item: claimItem("c"), value: 1 },
      { voter: "a", item: responseItem("con"), value: 1 },
    ];
    // Claim base 3/4, one attacker with base 2/3: 0.75 - 0.75 × 2/3.
    expect(rawStanding("c", [{ id: "con", parentId: null, stance: "oppose" }], ratings).value).toBeCloseTo(0.25, 10);
  });
});

describe("a reader's crux", () => {
  // Their one objection (found weak) stands against two supports they found strong: had they found the
  // objection strong, it would meet the supports head on; either support alone matters little.
  const nodes = [
    { id: "big", parentId: null, stance: "oppose" as const, strong: 0, weak: 0 },
    { id: "support1", parentId: null, stance: "support" as const, strong: 0, weak: 0 },
    { id: "support2", parentId: null, stance: "support" as const, strong: 0, weak: 0 },
  ];

  test("is the response their side rests on most", () => {
    const crux = personalCrux(
      "agree",
      nodes,
      new Map([
        ["big", "weak"],
        ["support1", "strong"],
        ["support2", "strong"],
      ] as const),
    )!;
    expect(crux.responseId).toBe("big");
    expect(crux.vote).toBe("weak");
    // Finding the direct attack strong would lower the claim for them, against their agreement.
    expect(crux.weight).toBeGreaterThan(0.05);
  });

  test("needs their vote on the claim and on a response that matters", () => {
    expect(personalCrux(null, nodes, new Map([["big", "weak"]] as const))).toBeNull();
    expect(personalCrux("agree", nodes, new Map())).toBeNull();
  });
});

describe("resistance to brigading (the simulation behind npm run sim:brigade)", () => {
  test("a block of 20% of voters moves the bridged standing less than a third as far as the raw one", () => {
    const runs = [1, 2, 3, 4, 5, 6].flatMap((seed) =>
      [true, false].map((blockAgrees) => simulateBrigade({ seed, campSize: 40, blockShare: 0.2, blockAgrees, blockNoise: 0 })),
    );
    // The block moves the raw standing noticeably …
    expect(median(runs.map((run) => Math.abs(run.raw.after - run.raw.before)))).toBeGreaterThan(0.1);
    // … and the bridged one less than a third as far.
    expect(median(runs.map((run) => run.ratio))).toBeLessThan(1 / 3);
  });
});
