// Issue 28: "Your crux here" told a reader who disagreed with a claim that it "stands at 82% for you".
// The crux must never contradict the reader's own vote: over random trees and ballots, the response it
// names is one whose rating backs the reader's vote, it is the one that backs it most, and what the page
// says about it names their side and no figure that could point the other way.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { describeCrux, personalCrux, personalStanding, type CruxNode } from "@/lib/argument/crux";
import type { ClaimVoteValue, ResponseVoteValue } from "@/lib/vocabulary";

const tree = fc
  .array(
    fc.record({
      parent: fc.nat(),
      stance: fc.constantFrom("support" as const, "oppose" as const),
      strong: fc.nat({ max: 6 }),
      weak: fc.nat({ max: 6 }),
      ballot: fc.constantFrom<ResponseVoteValue | null>("strong", "weak", null),
    }),
    { minLength: 1, maxLength: 9 },
  )
  .map((rows) => {
    // Each node answers the claim or an earlier node: a tree, like every debate.
    const nodes: CruxNode[] = rows.map((row, index) => ({
      id: `n${index}`,
      parentId: index === 0 || row.parent % (index + 1) === index ? null : `n${row.parent % index}`,
      stance: row.stance,
      strong: row.strong,
      weak: row.weak,
    }));
    const votes = new Map<string, ResponseVoteValue>();
    rows.forEach((row, index) => row.ballot && votes.set(`n${index}`, row.ballot));
    return { nodes, votes };
  });

const flip = (vote: ResponseVoteValue): ResponseVoteValue => (vote === "strong" ? "weak" : "strong");

/** How far changing the reader's vote on `id` moves the claim, for them, away from their own vote. */
function weakening(claimVote: ClaimVoteValue, nodes: CruxNode[], votes: Map<string, ResponseVoteValue>, id: string) {
  const now = personalStanding(claimVote, nodes, votes);
  const flipped = personalStanding(claimVote, nodes, new Map(votes).set(id, flip(votes.get(id)!)));
  return claimVote === "agree" ? now - flipped : flipped - now;
}

describe("a reader's crux never contradicts their vote", () => {
  test("over random trees and ballots, the crux is the rating that backs their vote most, in words of their side", () => {
    fc.assert(
      fc.property(tree, fc.constantFrom<ClaimVoteValue>("agree", "disagree"), ({ nodes, votes }, claimVote) => {
        const crux = personalCrux(claimVote, nodes, votes);
        const backing = [...votes.keys()].map((id) => ({ id, by: weakening(claimVote, nodes, votes, id) }));
        if (!crux) {
          // None is named only when no rating of theirs backs their vote noticeably.
          expect(backing.every((entry) => entry.by < 0.01)).toBe(true);
          return;
        }
        expect(crux.vote).toBe(votes.get(crux.responseId));
        const own = weakening(claimVote, nodes, votes, crux.responseId);
        expect(own).toBeGreaterThanOrEqual(0.01);
        for (const entry of backing) expect(entry.by).toBeLessThanOrEqual(own + 1e-9);
        const words = describeCrux(crux, claimVote);
        expect(words).toContain(claimVote === "agree" ? "agreement" : "disagreement");
        expect(words).not.toMatch(/\d+\s*%|stands at/);
      }),
      { numRuns: 500 },
    );
  });

  test("a reader who disagreed but rated the claim's one support strong is named no crux", () => {
    const nodes: CruxNode[] = [{ id: "pro", parentId: null, stance: "support", strong: 3, weak: 0 }];
    expect(personalCrux("disagree", nodes, new Map([["pro", "strong"]]))).toBeNull();
    // Rated weak, it backs their disagreement: that is their crux.
    expect(personalCrux("disagree", nodes, new Map([["pro", "weak"]]))).toMatchObject({ responseId: "pro", vote: "weak" });
  });
});
