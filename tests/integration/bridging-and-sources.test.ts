// Issue 19 against the database: sources on responses (stored, shown, edited, exported, searched,
// imported), "needs a source", the bridged standing job (queued by every kind of vote, computed from the
// stored votes, shown with its groups, and the "Bridging" order), a reader's crux, and Web Annotations
// that point into the original article.
import { beforeAll, describe, expect, test } from "vitest";
import { createUser } from "@/lib/accounts/create-user";
import { askForSource } from "@/lib/debate/ask-for-source";
import { queueMissingBridging, recomputeBridging } from "@/lib/debate/bridged-standing";
import { getClaimDiscussion } from "@/lib/debate/discussion";
import { editResponse } from "@/lib/debate/edit-response";
import { deleteResponse } from "@/lib/debate/delete-response";
import { readPersonalCrux } from "@/lib/debate/personal-crux";
import { createResponse } from "@/lib/debate/post-response";
import { searchDebates } from "@/lib/debate/search";
import { storeClaimVote } from "@/lib/debate/vote-on-claim";
import { storeResponseVote } from "@/lib/debate/vote-on-response";
import { appSql, getDb } from "@/lib/db/client";

import { parseArgdown, toArgdown } from "@/lib/exchange/argdown";
import { importDebates } from "@/lib/exchange/import-debate";
import { getDebateForExport } from "@/lib/exchange/queries";
import { toWebAnnotation } from "@/lib/exchange/web-annotation";
import { bridgingJobKey } from "@/lib/jobs/bridging-job";
import { listenForDebateChanges } from "@/lib/jobs/bridging-listener";
import { databaseUrl } from "@/lib/env";
import type { Actor } from "@/lib/policy";
import { seedDemoArticles } from "@/scripts/lib/seed-demo";
import { SIMULATED_CLAIM, SIMULATED_DEBATE, simulatedPopulation } from "@/scripts/lib/brigade-simulation";
import { analyseClaim, claimItem, rawStanding } from "@/lib/argument/bridged-standing";

type Person = Actor & { name: string };
let claimId: string;
let articleId: string;
let author: Person;
const people: Person[] = [];

async function person(label: string): Promise<Person> {
  const user = await createUser({ email: `${label}@example.com`, name: label });
  return { ...user, role: "user", bannedUntil: null, silencedUntil: null, mustVerifyEmail: false } as unknown as Person;
}

beforeAll(async () => {
  await seedDemoArticles();
  const claim = await getDb().claim.findFirstOrThrow({ where: { article: { slug: { startsWith: "time-to-start" } } }, orderBy: { start: "asc" } });
  claimId = claim.id;
  articleId = claim.articleId;
  author = await person("author");
  for (let n = 0; n < 24; n++) people.push(await person(`voter${n}`));
});

describe("sources on responses", () => {
  let responseId: string;

  test("are stored in order with the response, shown on the claim page, and searchable by their words and site", async () => {
    responseId = (
      await createResponse({
        claimId,
        parentId: null,
        stance: "oppose",
        body: "France and Germany blocked a membership plan in 2008.",
        sources: [
          { url: "https://www.nato.int/cps/en/natolive/official_texts_8443.htm", quote: "Bucharest Summit Declaration, paragraph 23" },
          { url: "https://en.wikipedia.org/wiki/2008_Bucharest_summit", quote: null },
        ],
        authorId: author.id,
      })
    ).id;
    const discussion = (await getClaimDiscussion(claimId))!;
    expect(discussion.byId.get(responseId)!.sources).toEqual([
      { url: "https://www.nato.int/cps/en/natolive/official_texts_8443.htm", quote: "Bucharest Summit Declaration, paragraph 23" },
      { url: "https://en.wikipedia.org/wiki/2008_Bucharest_summit", quote: null },
    ]);
    // The quote's words, and the site, find the response though its text says neither.
    expect((await searchDebates({ query: "summit declaration", type: "responses" })).hits.map((hit) => hit.id)).toContain(responseId);
    expect((await searchDebates({ query: "wikipedia", type: "responses" })).hits.map((hit) => hit.id)).toContain(responseId);
  });

  test("an edit replaces them; an edit that leaves them out keeps them", async () => {
    const { editedAt } = await editResponse({
      responseId,
      actor: author,
      body: "France and Germany blocked a Membership Action Plan in 2008.",
      sources: [{ url: "https://www.nato.int/cps/en/natohq/topics_37750.htm", quote: null }],
      seenEditedAt: null,
    });
    await editResponse({
      responseId,
      actor: author,
      body: "France and Germany blocked a Membership Action Plan at Bucharest.",
      seenEditedAt: editedAt.toISOString(),
    });
    expect((await getClaimDiscussion(claimId))!.byId.get(responseId)!.sources).toEqual([
      { url: "https://www.nato.int/cps/en/natohq/topics_37750.htm", quote: null },
    ]);
  });

  test("travel in the exports and back through an import", async () => {
    const exported = (await getDebateForExport(claimId))!.tree;
    const cited = exported.responses.find((response) => response.id === responseId)!;
    expect(cited.sources).toEqual([{ url: "https://www.nato.int/cps/en/natohq/topics_37750.htm", quote: null }]);
    const source = toArgdown(exported);
    const { article } = await importDebates({ trees: [parseArgdown(source)], title: null, source, importedById: author.id });
    const imported = await getDb().responseSource.findMany({ where: { response: { claim: { articleId: article.id } } }, select: { url: true, quote: true } });
    expect(imported).toEqual([{ url: "https://www.nato.int/cps/en/natohq/topics_37750.htm", quote: null }]);
  });

  test("go with the text when the author deletes the response", async () => {
    const cited = (
      await createResponse({
        claimId,
        parentId: null,
        stance: "support",
        body: "A response its author will take back.",
        sources: [{ url: "https://example.org/taken-back", quote: "words that go too" }],
        authorId: author.id,
      })
    ).id;
    await deleteResponse({ responseId: cited, actor: author });
    expect(await getDb().responseSource.count({ where: { responseId: cited } })).toBe(0);
  });

  test("an import refuses sources a person could not post, naming the response", async () => {
    const tree = {
      claim: { id: "c", text: "A claim." },
      responses: [{ id: "r1", parentId: null, stance: "support" as const, text: "Text.", sources: [{ url: "javascript:alert(1)", quote: null }] }],
    };
    await expect(importDebates({ trees: [tree], title: null, source: "bad", importedById: author.id })).rejects.toThrow(
      "The sources of the response labelled r1: A source must be a web address",
    );
  });

  test('"needs a source" is counted per reader, can be taken back, and is refused on one\'s own response', async () => {
    const uncited = (await createResponse({ claimId, parentId: null, stance: "support", body: "Most Ukrainians want to join NATO now.", authorId: author.id }))
      .id;
    expect(await askForSource(people[0], { responseId: uncited, needsSource: true })).toEqual({ sourceRequests: 1 });
    expect(await askForSource(people[0], { responseId: uncited, needsSource: true })).toEqual({ sourceRequests: 1 });
    expect(await askForSource(people[1], { responseId: uncited, needsSource: true })).toEqual({ sourceRequests: 2 });
    expect((await getClaimDiscussion(claimId))!.byId.get(uncited)!.sourceRequests).toBe(2);
    expect(await askForSource(people[1], { responseId: uncited, needsSource: false })).toEqual({ sourceRequests: 1 });
    await expect(askForSource(author, { responseId: uncited, needsSource: true })).rejects.toThrow("You cannot ask for a source on your own response");
  });
});

describe("the bridged standing", () => {
  let pro: string;
  let con: string;
  let shared: string;

  test("is queued from the change notices of every kind of vote, once per article for a burst", async () => {
    pro = (await createResponse({ claimId, parentId: null, stance: "support", body: "Kyiv's army is the most battle-tested in Europe.", authorId: author.id }))
      .id;
    con = (await createResponse({ claimId, parentId: null, stance: "oppose", body: "Hungary has vetoed every step so far.", authorId: author.id })).id;
    shared = (
      await createResponse({
        claimId,
        parentId: null,
        stance: "support",
        body: "Article 5 has never been tested against a nuclear power.",
        authorId: author.id,
      })
    ).id;
    const queued: string[] = [];
    const listener = listenForDebateChanges({ databaseUrl: databaseUrl()!, settleMs: 300, queue: async (id) => void queued.push(id) });
    try {
      // The listener is connected once a notice reaches it: nudge until one does.
      for (let tries = 0; tries < 50 && !queued.length; tries++) {
        await storeClaimVote(people[0].id, { claimId, value: tries % 2 ? "agree" : "disagree" }, appSql);
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
      expect(queued).toEqual([articleId]);
      // A burst: the edge's claim vote and a response vote (announced inside its transaction).
      await storeClaimVote(people[0].id, { claimId, value: "agree" }, appSql);
      await storeResponseVote(people[0], { responseId: pro, value: "strong" });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(queued).toEqual([articleId, articleId]);
    } finally {
      await listener.stop();
    }
  });

  test("is computed from the stored votes: two camps, their groups, and what both find strong ranked first", async () => {
    // Two camps of twelve: one agrees with the claim and finds the pro argument strong, the other the
    // reverse; both find the "shared" argument strong.
    for (const [index, voter] of people.entries()) {
      const side = index % 2 === 0;
      await storeClaimVote(voter.id, { claimId, value: side ? "agree" : "disagree" }, appSql);
      await storeResponseVote(voter, { responseId: pro, value: side ? "strong" : "weak" });
      await storeResponseVote(voter, { responseId: con, value: side ? "weak" : "strong" });
      if (index % 3 !== 0) await storeResponseVote(voter, { responseId: shared, value: "strong" });
    }
    await recomputeBridging(articleId);
    const { bridging } = (await getClaimDiscussion(claimId))!;
    expect(bridging!.voters).toBe(24);
    expect(bridging!.standing!.value).toBeGreaterThan(0);
    expect(bridging!.groups.map((group) => [group.size, group.agree, group.disagree]).sort()).toEqual([
      [12, 0, 12],
      [12, 12, 0],
    ]);
    const order = (await getClaimDiscussion(claimId, { sort: "bridging" }))!.supporting.map((view) => view.id);
    expect(order.indexOf(shared)).toBeLessThan(order.indexOf(pro));
  });

  test("a recomputation with nothing changed writes nothing (pages stay cached)", async () => {
    const before = await getDb().claimBridging.findUniqueOrThrow({ where: { claimId } });
    await recomputeBridging(articleId);
    const after = await getDb().claimBridging.findUniqueOrThrow({ where: { claimId } });
    expect(after.computedAt).toEqual(before.computedAt);
  });

  test("articles voted on but never computed (a site upgraded with votes) are queued by the worker's sweep", async () => {
    await getDb().claimBridging.deleteMany({ where: { claim: { articleId } } });
    await getDb().$executeRaw`DELETE FROM graphile_worker._private_jobs`;
    expect(await queueMissingBridging()).toBe(1);
    const jobs = await getDb().$queryRaw<{ key: string }[]>`SELECT key FROM graphile_worker._private_jobs`;
    expect(jobs).toEqual([{ key: bridgingJobKey(articleId) }]);
    await recomputeBridging(articleId);
    expect(await queueMissingBridging()).toBe(0);
  });

  test("a claim with few voters has none, and says how many voted", async () => {
    const other = await getDb().claim.findFirstOrThrow({ where: { articleId, id: { not: claimId } }, select: { id: true } });
    await storeClaimVote(people[0].id, { claimId: other.id, value: "agree" }, appSql);
    await recomputeBridging(articleId);
    const { bridging } = (await getClaimDiscussion(other.id))!;
    expect(bridging).toMatchObject({ voters: 1, standing: null, groups: [] });
  });

  test("a reader's crux is the response their view of the claim hangs on most", async () => {
    // voter0 agrees, found "pro" strong and "con" weak. The supports are strong already (the shared one
    // too, by everyone's votes): one more strong support changes little, the one objection a lot.
    const crux = (await readPersonalCrux(people[0], claimId))!;
    expect(crux.responseId).toBe(con);
    expect(crux.vote).toBe("weak");
    expect(crux.excerpt).toBe("Hungary has vetoed every step so far.");
    expect(crux.weight).toBeGreaterThan(0.01);
    expect(crux.claimVote).toBe("agree");
    // Someone who did not vote on the claim has none.
    expect(await readPersonalCrux(author, claimId)).toBeNull();
  });
});

describe("the brigading simulation", () => {
  test("measures what the site computes: its raw standing is the database's, its bridged standing the job's", async () => {
    const { honest, block } = simulatedPopulation({ seed: 3, campSize: 15, blockShare: 0.2, blockAgrees: true, blockNoise: 0 });
    const ratings = [...honest, ...block];
    const article = await getDb().article.create({
      data: { slug: "simulated", title: "A simulated debate", body: "The claim.", blocks: [], sourceHash: "simulated", status: "published" },
    });
    await getDb().claim.create({
      data: { id: SIMULATED_CLAIM, articleId: article.id, start: 0, end: 10, exact: "The claim.", prefix: "", suffix: "", text: "The claim." },
    });
    // The simulation's own ids, so the model starts from the same point (it starts from the items' ids).
    for (const node of SIMULATED_DEBATE) {
      await getDb().response.create({
        data: { id: node.id, claimId: SIMULATED_CLAIM, parentId: node.parentId, stance: node.stance, body: `Argument ${node.id}.`, authorId: author.id },
      });
    }
    const voters = [...new Set(ratings.map((rating) => rating.voter))];
    await getDb().user.createMany({ data: voters.map((id) => ({ id, email: `${id}@simulated.example`, name: id })) });
    for (const rating of ratings) {
      if (rating.item === claimItem(SIMULATED_CLAIM))
        await storeClaimVote(rating.voter, { claimId: SIMULATED_CLAIM, value: rating.value ? "agree" : "disagree" }, appSql);
      else
        await getDb().responseVote.create({
          data: { responseId: rating.item.slice("response:".length), userId: rating.voter, value: rating.value ? "strong" : "weak" },
        });
    }
    const stored = await getDb().claim.findUniqueOrThrow({ where: { id: SIMULATED_CLAIM }, select: { standing: true } });
    expect(stored.standing).toBeCloseTo(rawStanding(SIMULATED_CLAIM, SIMULATED_DEBATE, ratings).value, 9);
    await recomputeBridging(article.id);
    const bridged = await getDb().claimBridging.findUniqueOrThrow({ where: { claimId: SIMULATED_CLAIM } });
    expect(bridged.standing).toBeCloseTo(analyseClaim(SIMULATED_CLAIM, SIMULATED_DEBATE, ratings).standing!.value, 9);
  });
});

describe("Web Annotations", () => {
  test("of a demo article point into its original text, word for word", async () => {
    const { anchor, original } = (await getDebateForExport(claimId))!;
    expect(original.text).toContain("Follow us on social");
    // The demo has no known address: the original text is there, the target is our copy.
    const annotation = toWebAnnotation(anchor, "https://arguably.example", { ...original, url: "https://publisher.example/story" });
    const [publisher] = annotation.target;
    const [quote, position] = publisher.selector as unknown as [{ exact: string }, { start: number; end: number }];
    expect([...original.text!].slice(position.start, position.end).join("")).toBe(quote.exact);
    expect(quote.exact.replace(/\s+/g, " ")).toBe(anchor.exact.replace(/\s+/g, " "));
  });
});
