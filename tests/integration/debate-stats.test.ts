// The debate statistics the database keeps (decision 010) must equal what the reference implementation
// (lib/argument/standing.ts) computes from the raw rows: after every kind of write, under concurrent
// writes, and after a recompute from scratch. Pages show these numbers as counts, bars and standings.
import { beforeAll, describe, expect, test } from "vitest";
import { baseScore, standingOf, strength, type ArgumentNode } from "@/lib/argument/standing";
import { createUser } from "@/lib/accounts/create-user";
import { arguesForReaders, isWithheld, presentToReaders } from "@/lib/policy/visibility";
import { createResponse } from "@/lib/debate/post-response";
import { deleteResponse } from "@/lib/debate/delete-response";
import { storeClaimVote } from "@/lib/debate/vote-on-claim";
import { appSql, getDb } from "@/lib/db/client";
import { storeResponseVote } from "@/lib/debate/vote-on-response";
import { getClaimDiscussion, getThread } from "@/lib/debate/discussion";
import { seedDemoArticles } from "@/scripts/lib/seed-demo";

type Person = Awaited<ReturnType<typeof createUser>> & { bannedUntil: Date | null };
let claimId: string;
let people: Person[];

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

beforeAll(async () => {
  await seedDemoArticles();
  claimId = (await getDb().claim.findFirstOrThrow({ orderBy: { start: "asc" }, select: { id: true } })).id;
  people = await Promise.all(
    Array.from({ length: 12 }, async (_, index) => ({
      ...(await createUser({ email: `person${index}@example.com`, name: `Person ${index}` })),
      bannedUntil: null,
    })),
  );
});

interface ReferenceNode {
  id: string;
  stance: "support" | "oppose";
  parentId: string | null;
  strong: number;
  weak: number;
  hiddenAt: Date | null;
  removedAt: Date | null;
  deletedAt: Date | null;
  withheldAbove: boolean;
  replies: ReferenceNode[];
  /** Filled bottom-up: direct replies readers see, by stance, and the node's strength. */
  supporters: number;
  opposers: number;
  strength: number;
}

/**
 * Every response's strength and counts, and the claim's standing, recomputed from the raw rows by the
 * reference rules: lib/policy/visibility.ts (what readers see) and lib/argument/standing.ts (DF-QuAD).
 */
async function reference(id: string) {
  const db = getDb();
  const [responses, votes, claimVotes] = await Promise.all([
    db.response.findMany({ where: { claimId: id }, select: { id: true, parentId: true, stance: true, deletedAt: true, hiddenAt: true, removedAt: true } }),
    db.responseVote.findMany({ where: { response: { claimId: id } }, select: { responseId: true, value: true } }),
    db.claimVote.findMany({ where: { claimId: id }, select: { value: true } }),
  ]);
  const nodes = new Map<string, ReferenceNode>();
  for (const response of responses)
    nodes.set(response.id, { ...response, strong: 0, weak: 0, withheldAbove: false, replies: [], supporters: 0, opposers: 0, strength: 0 });
  for (const vote of votes) nodes.get(vote.responseId)![vote.value]++;
  const roots: ReferenceNode[] = [];
  for (const node of nodes.values()) {
    if (node.parentId) nodes.get(node.parentId)!.replies.push(node);
    else roots.push(node);
  }
  // Top-down: withheld from above. Bottom-up: counts, then the argument tree of what still argues.
  const markWithheld = (node: ReferenceNode, above: boolean) => {
    node.withheldAbove = above;
    for (const reply of node.replies) markWithheld(reply, above || isWithheld(node));
  };
  const settle = (node: ReferenceNode): ArgumentNode | null => {
    const argued = node.replies.map(settle).filter((child): child is ArgumentNode => child !== null);
    node.supporters = node.replies.filter((reply) => reply.stance === "support" && presentToReaders(reply)).length;
    node.opposers = node.replies.filter((reply) => reply.stance === "oppose" && presentToReaders(reply)).length;
    if (!arguesForReaders(node)) return null;
    const argument = { id: node.id, stance: node.stance, base: baseScore(node.strong, node.weak), children: argued };
    node.strength = strength(argument);
    return argument;
  };
  for (const root of roots) markWithheld(root, false);
  const arguing = roots.map(settle).filter((child): child is ArgumentNode => child !== null);
  const agree = claimVotes.filter((vote) => vote.value === "agree").length;
  const claimRoot = { base: baseScore(agree, claimVotes.length - agree), children: arguing };
  const seen = [...nodes.values()].filter(presentToReaders);
  return {
    nodes,
    roots: roots.filter(presentToReaders),
    seen,
    agree,
    disagree: claimVotes.length - agree,
    standing: standingOf(claimRoot),
    value: strength(claimRoot),
  };
}

async function expectStoredStatsToMatch(id: string) {
  const expected = await reference(id);
  const [claim, stored] = await Promise.all([
    getDb().claim.findUniqueOrThrow({
      where: { id },
      select: { agreeVotes: true, disagreeVotes: true, supportCount: true, opposeCount: true, responseCount: true, standing: true },
    }),
    getDb().response.findMany({
      where: { claimId: id },
      select: { id: true, strongVotes: true, weakVotes: true, supporters: true, opposers: true, strength: true, withheldAbove: true },
    }),
  ]);
  expect(claim.agreeVotes).toBe(expected.agree);
  expect(claim.disagreeVotes).toBe(expected.disagree);
  expect(claim.supportCount).toBe(expected.roots.filter((node) => node.stance === "support").length);
  expect(claim.opposeCount).toBe(expected.roots.filter((node) => node.stance === "oppose").length);
  expect(claim.responseCount).toBe(expected.seen.length);
  expect(claim.standing).toBeCloseTo(expected.value, 9);
  for (const row of stored) {
    const node = expected.nodes.get(row.id)!;
    expect({
      id: row.id,
      strong: row.strongVotes,
      weak: row.weakVotes,
      supporters: row.supporters,
      opposers: row.opposers,
      withheldAbove: row.withheldAbove,
    }).toEqual({
      id: row.id,
      strong: node.strong,
      weak: node.weak,
      supporters: node.supporters,
      opposers: node.opposers,
      withheldAbove: node.withheldAbove,
    });
    expect(row.strength, `strength of ${row.id}`).toBeCloseTo(node.strength, 9);
  }
  return expected;
}

/** A random history of posts, votes, changes of mind, deletions and moderation on one claim. */
async function playHistory(id: string, seed: number, steps: number, { checkEvery = 0 } = {}) {
  const next = random(seed);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const ids: string[] = [];
  for (let step = 0; step < steps; step++) {
    const roll = next();
    const author = pick(people);
    if (roll < 0.35 || ids.length < 3) {
      const parentId = ids.length && next() < 0.7 ? pick(ids) : null;
      const parent = parentId
        ? await getDb().response.findUnique({ where: { id: parentId }, select: { deletedAt: true, hiddenAt: true, removedAt: true, withheldAbove: true } })
        : null;
      if (parent && (parent.deletedAt || parent.hiddenAt || parent.removedAt || parent.withheldAbove)) continue;
      const created = await createResponse({
        claimId: id,
        parentId,
        stance: next() < 0.5 ? "support" : "oppose",
        body: `Argument at step ${step}, with enough words.`,
        authorId: author.id,
      });
      ids.push(created.id);
    } else if (roll < 0.75) {
      const responseId = pick(ids);
      const response = await getDb().response.findUniqueOrThrow({
        where: { id: responseId },
        select: { authorId: true, deletedAt: true, hiddenAt: true, removedAt: true, withheldAbove: true },
      });
      // Only arguments readers see take votes.
      if (response.authorId === author.id || !arguesForReaders(response)) continue;
      await storeResponseVote(author, { responseId, value: pick(["strong", "weak", "strong", null] as const) });
    } else if (roll < 0.82) {
      await storeClaimVote(author.id, { claimId: id, value: pick(["agree", "disagree", null] as const) }, appSql);
    } else if (roll < 0.9) {
      const responseId = pick(ids);
      const response = await getDb().response.findUniqueOrThrow({ where: { id: responseId }, select: { authorId: true, deletedAt: true, removedAt: true } });
      if (response.deletedAt || response.removedAt) continue;
      const owner = people.find((person) => person.id === response.authorId)!;
      await deleteResponse({ responseId, actor: owner });
    } else {
      // A moderator hides, removes or restores a response (any write path must keep the numbers right),
      // often one with a thread below it.
      const responseId = pick(ids);
      const { hiddenAt, removedAt } = await getDb().response.findUniqueOrThrow({ where: { id: responseId }, select: { hiddenAt: true, removedAt: true } });
      const change = hiddenAt || removedAt ? { hiddenAt: null, removedAt: null } : next() < 0.5 ? { hiddenAt: new Date() } : { removedAt: new Date() };
      await getDb().response.update({ where: { id: responseId }, data: change });
    }
    if (checkEvery && step % checkEvery === checkEvery - 1) await expectStoredStatsToMatch(id);
  }
}

describe("debate statistics kept by the database", () => {
  test("follow a random history of posts, votes, changes of mind, deletions and moderation", async () => {
    await playHistory(claimId, 7, 240);
    const expected = await expectStoredStatsToMatch(claimId);
    expect(expected.nodes.size).toBeGreaterThan(40);

    // The claim page shows the stored numbers and names the same reasons as the reference.
    const discussion = (await getClaimDiscussion(claimId))!;
    expect(discussion.standing.value).toBeCloseTo(expected.standing.value, 9);
    expect(discussion.standing.raisedBy.map((reason) => reason.effect)).toEqual(expected.standing.raisedBy.map((reason) => expect.closeTo(reason.effect, 9)));
    expect(discussion.standing.loweredBy.map((reason) => reason.effect)).toEqual(expected.standing.loweredBy.map((reason) => expect.closeTo(reason.effect, 9)));
    for (const reason of [...discussion.standing.raisedBy, ...discussion.standing.loweredBy]) expect(discussion.byId.has(reason.id)).toBe(true);
  });

  test.each([11, 23, 31])("stay exact at every stage of another history (seed %i), tombstones and withheld threads included", async (seed) => {
    const other = (await getDb().claim.findMany({ orderBy: { start: "asc" }, skip: 1 + [11, 23, 31].indexOf(seed), take: 1, select: { id: true } }))[0].id;
    await playHistory(other, seed, 300, { checkEvery: 30 });
    const { nodes } = await expectStoredStatsToMatch(other);
    const all = [...nodes.values()];
    // The history reached the cases the rule is about (else the numbers above would prove little).
    expect(all.some((node) => node.deletedAt && presentToReaders(node))).toBe(true);
    expect(all.some((node) => node.withheldAbove)).toBe(true);
  });

  test("stay exact under concurrent votes and replies in one tree", async () => {
    const root = await createResponse({ claimId, parentId: null, stance: "oppose", body: "A contested root argument for this test.", authorId: people[0].id });
    const replies = await Promise.all(
      people.slice(1, 7).map((person, index) =>
        createResponse({
          claimId,
          parentId: root.id,
          stance: index % 2 ? "support" : "oppose",
          body: `Concurrent reply by ${person.name}.`,
          authorId: person.id,
        }),
      ),
    );
    await Promise.all(
      people.flatMap((voter) =>
        [root, ...replies].map((target, index) =>
          storeResponseVote(voter, { responseId: target.id, value: index % 3 ? "strong" : "weak" }).catch((error) => {
            if (error.status !== 403) throw error; // own response
          }),
        ),
      ),
    );
    await expectStoredStatsToMatch(claimId);
  });

  test("a recompute from scratch finds what the triggers kept", async () => {
    const before = await getDb().response.findMany({
      where: { claimId },
      orderBy: { id: "asc" },
      select: { id: true, strength: true, supporters: true, opposers: true },
    });
    const standing = (await getDb().claim.findUniqueOrThrow({ where: { id: claimId }, select: { standing: true } })).standing;
    await getDb().$transaction(async (tx) => {
      await tx.$executeRaw`select arguably_recompute_debate_stats()`;
    });
    const after = await getDb().response.findMany({
      where: { claimId },
      orderBy: { id: "asc" },
      select: { id: true, strength: true, supporters: true, opposers: true },
    });
    expect(after.map((row) => ({ ...row, strength: expect.closeTo(row.strength, 9) }))).toEqual(before);
    expect((await getDb().claim.findUniqueOrThrow({ where: { id: claimId }, select: { standing: true } })).standing).toBeCloseTo(standing, 9);
  });

  test("pages stay bounded: a long debate shows a page of each stance and links onward", async () => {
    const other = (await getDb().claim.findFirstOrThrow({ where: { id: { not: claimId } }, select: { id: true } })).id;
    const [first] = await Promise.all([
      createResponse({ claimId: other, parentId: null, stance: "support", body: "The first of many supporting arguments.", authorId: people[0].id }),
    ]);
    await getDb().response.createMany({
      data: Array.from({ length: 30 }, (_, index) => ({
        claimId: other,
        parentId: index < 8 ? first.id : null,
        stance: index % 3 ? ("support" as const) : ("oppose" as const),
        body: `Bulk argument ${index}.`,
        authorId: people[index % people.length].id,
      })),
    });
    const discussion = (await getClaimDiscussion(other, { sort: "debated" }))!;
    expect(discussion.total).toBe(31);
    expect(discussion.supporting[0].id).toBe(first.id);
    expect(discussion.counts).toEqual({ supporting: 16, opposing: 7 });
    expect(discussion.supporting).toHaveLength(10);
    expect(discussion.opposing).toHaveLength(7);
    const firstView = discussion.byId.get(first.id)!;
    expect(firstView.replies).toBe(8);
    expect(firstView.children).toHaveLength(3);
    const more = (await getClaimDiscussion(other, { shown: { supporting: 20 } }))!;
    expect(more.supporting).toHaveLength(16);
    const thread = (await getThread(first.id))!;
    expect(thread.response.children).toHaveLength(8);
    expect(thread.ancestors).toEqual([]);
    const deeper = await createResponse({
      claimId: other,
      parentId: thread.response.children[0].id,
      stance: "oppose",
      body: "A reply two levels down the thread.",
      authorId: people[1].id,
    });
    expect((await getThread(deeper.id))!.ancestors.map((ancestor) => ancestor.id)).toEqual([first.id, thread.response.children[0].id]);
  });

  test("deleting an article with its debates leaves nothing inconsistent behind", async () => {
    const article = await getDb().claim.findUniqueOrThrow({ where: { id: claimId }, select: { articleId: true } });
    await getDb().article.delete({ where: { id: article.articleId } });
    expect(await getDb().response.count({ where: { claimId } })).toBe(0);
  });
});
