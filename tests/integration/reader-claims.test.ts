// Readers raising claims and editors curating them, on real PostgreSQL: what readers then see in the
// article, on the claim page and in the log, and the limits that apply.
import { beforeAll, describe, expect, test } from "vitest";
import { createUser } from "@/lib/accounts/create-user";
import { curateClaim } from "@/lib/debate/curate-claim";
import { createResponse } from "@/lib/debate/post-response";
import { getProfile } from "@/lib/debate/profile";
import { storeClaimVote } from "@/lib/debate/vote-on-claim";
import { appSql, getDb } from "@/lib/db/client";
import { getArticleBySlug } from "@/lib/articles/queries";
import { getMergedInto } from "@/lib/debate/discussion";
import { getSessionUserById, type SessionUser } from "@/lib/accounts/users";
import { listModerationLog } from "@/lib/moderation/log";
import { reportItem } from "@/lib/moderation/report-item";
import { raiseClaimAs } from "@/lib/debate/raise-claim";
import { withdrawClaim } from "@/lib/debate/withdraw-claim";
import { storeResponseVote } from "@/lib/debate/vote-on-response";
import { searchDebates } from "@/lib/debate/search";
import { updateSetting } from "@/lib/platform/settings";
import type { BodyBlock } from "@/lib/ingest";
import { paragraphSentences, type Span } from "@/lib/ingest/spans";
import { seedDemoArticles } from "@/scripts/lib/seed-demo";

const DAY = 24 * 3600 * 1000;
let article: { id: string; slug: string; body: string; blocks: BodyBlock[] };
let free: Span[];
let nextFree = 0;

async function person(name: string, { role = "user", daysOld = 30 }: { role?: SessionUser["role"]; daysOld?: number } = {}) {
  const user = await createUser({ email: `${name}@example.com`, name });
  await getDb().user.update({ where: { id: user.id }, data: { role, createdAt: new Date(Date.now() - daysOld * DAY) } });
  return (await getSessionUserById(user.id))!;
}

/** An unmarked sentence of the article nobody has raised yet in this file. */
function unmarked(): Span {
  const span = free[nextFree++];
  if (!span) throw new Error("the demo article ran out of unmarked sentences");
  return span;
}

const raise = (user: SessionUser, span: Span, body = article.body) =>
  raiseClaimAs(user, { articleId: article.id, start: span.start, end: span.end, quote: body.slice(span.start, span.end) });
const version = async (claimId: string) =>
  (await getDb().claim.findUniqueOrThrow({ where: { id: claimId }, select: { moderationVersion: true } })).moderationVersion;

let ada: SessionUser, ben: SessionUser, cal: SessionUser, eve: SessionUser, admin: SessionUser;

beforeAll(async () => {
  await seedDemoArticles();
  // Readers raise what the detector left unmarked; how much it marks is not this file's subject, so the
  // first demo article starts here without the detector's claims (this file's own database).
  const first = await getDb().article.findFirstOrThrow({ orderBy: { slug: "asc" }, select: { id: true } });
  await getDb().claim.deleteMany({ where: { articleId: first.id, origin: "pipeline" } });
  const row = await getDb().article.findFirstOrThrow({
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, body: true, blocks: true, claims: { select: { start: true, end: true } } },
  });
  article = { ...row, blocks: row.blocks as unknown as BodyBlock[] };
  free = paragraphSentences(article.body, article.blocks).filter(
    (span) => span.end - span.start >= 40 && span.end - span.start <= 600 && !row.claims.some((claim) => claim.start < span.end && span.start < claim.end),
  );
  [ada, ben, cal] = [await person("Ada"), await person("Ben"), await person("Cal")];
  eve = await person("Eve", { role: "editor" });
  admin = await person("Root", { role: "admin" });
});

describe("a reader raises a claim", () => {
  test("an unmarked sentence becomes a reader's claim, anchored to its words, named for its raiser, followed by them", async () => {
    const span = unmarked();
    const before = (await getArticleBySlug(article.slug, null))!.claims.length;
    const outcome = await raise(ada, { start: span.start + 2, end: span.end - 3 }); // a rough drag: snapped to words
    expect(outcome.kind).toBe("created");
    const claim = await getDb().claim.findUniqueOrThrow({ where: { id: outcome.kind === "created" ? outcome.claimId : "" } });
    expect(claim).toMatchObject({
      origin: "reader",
      raisedById: ada.id,
      start: span.start,
      end: span.end,
      exact: article.body.slice(span.start, span.end),
      text: article.body.slice(span.start, span.end),
    });
    const page = (await getArticleBySlug(article.slug, null))!;
    expect(page.claims).toHaveLength(before + 1);
    expect(page.claims.find((marked) => marked.id === claim.id)).toMatchObject({ raisedBy: "Ada" });
    expect(await getDb().follow.count({ where: { userId: ada.id, claimId: claim.id } })).toBe(1);
    // Search finds it among readers' claims, saying who raised it.
    const words = claim.text.split(/\s+/).slice(0, 8).join(" ");
    const { hits } = await searchDebates({ query: words, type: "reader-claims" });
    expect(hits.map((hit) => [hit.id, hit.markedBy])).toContainEqual([claim.id, "Raised by Ada"]);
    expect(hits.every((hit) => hit.markedBy?.startsWith("Raised by"))).toBe(true);
    // Their profile lists it.
    expect((await getProfile(ada.id, null))!.claims.map((raised) => raised.id)).toContain(claim.id);
  });

  test("a second reader selecting most of the same words lands on the same claim; nothing new is created", async () => {
    const span = unmarked();
    const first = await raise(ada, span);
    const second = await raise(ben, { start: span.start, end: span.end - 5 });
    expect(second).toEqual({ kind: "existing", claimId: first.kind === "created" ? first.claimId : "", argued: false });
    expect(await getDb().claim.count({ where: { articleId: article.id, start: span.start } })).toBe(1);
  });

  test("two readers raising the same words at the same moment get one claim between them", async () => {
    const span = unmarked();
    const outcomes = await Promise.all([raise(ada, span), raise(ben, span), raise(cal, span)]);
    expect(outcomes.filter((outcome) => outcome.kind === "created")).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => (outcome.kind === "suggestion" ? null : outcome.claimId))).size).toBe(1);
  });

  test("a selection across paragraphs creates nothing and offers the part in the first paragraph", async () => {
    const paragraph = article.blocks.find((block, index) => block.kind === "paragraph" && article.blocks[index + 1]?.kind === "paragraph")!;
    const tail = { start: paragraph.end - 30, end: paragraph.end + 20 };
    const count = await getDb().claim.count();
    const outcome = await raise(ada, tail);
    expect(outcome).toMatchObject({ kind: "suggestion", message: expect.stringContaining("one paragraph") });
    expect(await getDb().claim.count()).toBe(count);
  });

  test("bad input is refused with a message and changes nothing", async () => {
    const count = await getDb().claim.count();
    await expect(raise(ada, { start: 10, end: 10 })).rejects.toMatchObject({ status: 400, message: expect.stringContaining("Select some words") });
    await expect(raiseClaimAs(ada, { articleId: article.id, start: 0, end: 5, quote: "words that are not in the article at all" })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("changed since you opened it"),
    });
    await expect(raiseClaimAs(ada, { articleId: "no-such-article", start: 0, end: 5, quote: "x" })).rejects.toMatchObject({ status: 404 });
    expect(await getDb().claim.count()).toBe(count);
  });

  test("words the page showed are found again after the article's text moved under them", async () => {
    const span = unmarked();
    const quote = article.body.slice(span.start, span.end);
    // The reader's page is older than an edit that added text before the sentence.
    const outcome = await raiseClaimAs(ben, { articleId: article.id, start: span.start - 7, end: span.end - 7, quote });
    expect(outcome.kind).toBe("created");
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: outcome.kind === "created" ? outcome.claimId : "" }, select: { start: true } })).toEqual({
      start: span.start,
    });
  });

  test("a locked or unpublished article refuses new claims", async () => {
    const span = unmarked();
    await getDb().article.update({ where: { id: article.id }, data: { lockedAt: new Date() } });
    await expect(raise(ada, span)).rejects.toMatchObject({ status: 409, message: expect.stringContaining("locked") });
    await getDb().article.update({ where: { id: article.id }, data: { lockedAt: null, status: "draft" } });
    await expect(raise(ada, span)).rejects.toMatchObject({ status: 404, message: expect.stringContaining("unpublished") });
    await getDb().article.update({ where: { id: article.id }, data: { status: "published" } });
    expect(await getDb().claim.count({ where: { articleId: article.id, start: span.start } })).toBe(0);
  });
});

describe("a draft with a first argument (issue 28)", () => {
  const argue = (user: SessionUser, span: Span, firstArgument: { stance: "support" | "oppose"; body: string }) =>
    raiseClaimAs(user, { articleId: article.id, start: span.start, end: span.end, quote: article.body.slice(span.start, span.end), firstArgument });

  test("the claim and its first argument are stored together; on words already claimed the argument joins that debate", async () => {
    const span = unmarked();
    const body = "The figures in the next paragraph contradict this sentence outright.";
    const raised = await argue(ada, span, { stance: "oppose", body });
    expect(raised).toMatchObject({ kind: "created", argued: true });
    const claimId = raised.kind === "created" ? raised.claimId : "";
    expect(await getDb().response.findMany({ where: { claimId }, select: { stance: true, body: true, authorId: true } })).toEqual([
      { stance: "oppose", body, authorId: ada.id },
    ]);
    const again = await argue(ben, span, { stance: "support", body: "It holds: the article's own source says the same thing." });
    expect(again).toEqual({ kind: "existing", claimId, argued: true });
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: claimId }, select: { supportCount: true, opposeCount: true } })).toEqual({
      supportCount: 1,
      opposeCount: 1,
    });
  });

  test("an argument the posting rules refuse refuses the claim with it: nothing is stored", async () => {
    const span = unmarked();
    await getDb().wordFilter.create({ data: { pattern: "forbiddenword", mode: "block" } });
    try {
      await expect(argue(cal, span, { stance: "support", body: "This contains forbiddenword, which the site refuses." })).rejects.toMatchObject({
        status: 400,
      });
      expect(await getDb().claim.count({ where: { articleId: article.id, start: span.start } })).toBe(0);
    } finally {
      await getDb().wordFilter.deleteMany({ where: { pattern: "forbiddenword" } });
    }
  });
});

describe("withdrawing a claim one raised (issue 28)", () => {
  test("the raiser withdraws it while it is theirs alone: it goes, with their own argument, and the log says its raiser withdrew it", async () => {
    const raised = await raise(ada, unmarked());
    const claimId = raised.kind === "created" ? raised.claimId : "";
    await createResponse({ claimId, parentId: null, stance: "support", body: "My own first argument for it.", authorId: ada.id });
    await storeClaimVote(ada.id, { claimId, value: "agree" }, appSql);
    await expect(withdrawClaim(ben, { claimId })).rejects.toMatchObject({ status: 403 });
    await expect(withdrawClaim(ada, { claimId })).resolves.toEqual({ articleSlug: article.slug });
    expect(await getDb().claim.count({ where: { id: claimId } })).toBe(0);
    expect(await getDb().response.count({ where: { claimId } })).toBe(0);
    expect((await listModerationLog(null))[0]).toMatchObject({ action: "withdraw_claim", moderator: "Its raiser", link: null });
  });

  test("once someone else has voted, answered or rated an argument under it, it stays; an accepted claim stays too", async () => {
    const attempts: Record<string, (claimId: string) => Promise<unknown>> = {
      voted: (claimId) => storeClaimVote(ben.id, { claimId, value: "disagree" }, appSql),
      answered: (claimId) => createResponse({ claimId, parentId: null, stance: "oppose", body: "Someone else's objection to it.", authorId: ben.id }),
      rated: async (claimId) => {
        const own = await createResponse({ claimId, parentId: null, stance: "support", body: "The raiser's own argument for it.", authorId: ada.id });
        await storeResponseVote(ben, { responseId: own.id, value: "weak" });
      },
    };
    for (const [what, takePart] of Object.entries(attempts)) {
      const raised = await raise(ada, unmarked());
      const claimId = raised.kind === "created" ? raised.claimId : "";
      await takePart(claimId);
      await expect(withdrawClaim(ada, { claimId }), what).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/Someone else has/) });
      expect(await getDb().claim.count({ where: { id: claimId } }), what).toBe(1);
    }
    const accepted = await raise(ada, unmarked());
    const acceptedId = accepted.kind === "created" ? accepted.claimId : "";
    await curateClaim(eve, { action: "accept", claimId: acceptedId, version: await version(acceptedId) });
    await expect(withdrawClaim(ada, { claimId: acceptedId })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("can no longer be withdrawn"),
    });
  });
});

describe("limits", () => {
  test("a new account raises at most the admin-tuned number of claims a day; opening existing claims does not count", async () => {
    const newcomer = await person("Newcomer", { daysOld: 0 });
    await updateSetting({ admin, key: "newAccountClaimsPerDay", value: 2 });
    const spans = [unmarked(), unmarked(), unmarked()];
    expect((await raise(newcomer, spans[0])).kind).toBe("created");
    expect((await raise(newcomer, spans[0])).kind).toBe("existing");
    expect((await raise(newcomer, spans[1])).kind).toBe("created");
    await expect(raise(newcomer, spans[2])).rejects.toMatchObject({ status: 429, message: expect.stringContaining("raising claims faster") });
    expect(await getDb().claim.count({ where: { raisedById: newcomer.id } })).toBe(2);
    // An older account is not held to the new-account limit.
    expect((await raise(cal, spans[2])).kind).toBe("created");
  });
});

describe("editors curate readers' claims", () => {
  test("accepting keeps the raiser named, and is logged", async () => {
    const raised = await raise(ada, unmarked());
    const claimId = raised.kind === "created" ? raised.claimId : "";
    await curateClaim(eve, { action: "accept", claimId, version: await version(claimId) });
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: claimId }, select: { origin: true, raisedById: true } })).toEqual({
      origin: "editor",
      raisedById: ada.id,
    });
    expect((await listModerationLog(null))[0]).toMatchObject({ action: "accept_claim", targetType: "claim", link: `/claims/${claimId}` });
    await expect(curateClaim(ada, { action: "accept", claimId, version: await version(claimId) })).rejects.toMatchObject({ status: 403 });
  });

  test("the raiser cannot report their own claim; others can", async () => {
    const raised = await raise(ben, unmarked());
    const target = { type: "claim" as const, id: raised.kind === "created" ? raised.claimId : "" };
    await expect(reportItem(ben, { target, ruleId: "rule-spam" })).rejects.toMatchObject({ status: 403 });
    await reportItem(cal, { target, ruleId: "rule-off-topic" });
  });

  test("merging moves responses, votes and follows to the other claim, whose figures match a recompute from scratch", async () => {
    const raised = await raise(ada, unmarked());
    const into = await raise(ben, unmarked());
    const [from, to] = [raised, into].map((outcome) => (outcome.kind === "created" ? outcome.claimId : ""));
    const root = await createResponse({ claimId: from, parentId: null, stance: "support", body: "A reason that moves with the merge.", authorId: cal.id });
    await createResponse({ claimId: from, parentId: root.id, stance: "oppose", body: "A reply that moves with its parent.", authorId: ben.id });
    await createResponse({ claimId: to, parentId: null, stance: "oppose", body: "An objection already on the other claim.", authorId: ada.id });
    await storeClaimVote(cal.id, { claimId: from, value: "agree" }, appSql);
    await storeClaimVote(ben.id, { claimId: from, value: "agree" }, appSql);
    await storeClaimVote(ben.id, { claimId: to, value: "disagree" }, appSql); // Ben keeps this one

    await curateClaim(eve, { action: "merge", claimId: from, version: await version(from), intoClaimId: to });

    expect(await getDb().response.count({ where: { claimId: to } })).toBe(3);
    expect(await getDb().response.count({ where: { claimId: from } })).toBe(0);
    const votes = await getDb().claimVote.findMany({ where: { claimId: to }, orderBy: { userId: "asc" }, select: { userId: true, value: true } });
    expect(new Map(votes.map((vote) => [vote.userId, vote.value]))).toEqual(
      new Map([
        [cal.id, "agree"],
        [ben.id, "disagree"],
      ]),
    );
    expect(await getDb().follow.count({ where: { claimId: to, userId: ada.id } })).toBe(1);
    const stats = { agreeVotes: true, disagreeVotes: true, supportCount: true, opposeCount: true, responseCount: true, standing: true } as const;
    const kept = await getDb().claim.findUniqueOrThrow({ where: { id: to }, select: stats });
    expect(kept).toMatchObject({ agreeVotes: 1, disagreeVotes: 1, supportCount: 1, opposeCount: 1, responseCount: 3 });
    const recomputed = await getDb().$transaction(async (tx) => {
      await tx.$executeRaw`select arguably_recompute_debate_stats()`;
      return tx.claim.findUniqueOrThrow({ where: { id: to }, select: stats });
    });
    expect({ ...kept, standing: expect.closeTo(kept.standing, 9) }).toEqual(recomputed);

    // The merged claim leaves the article, its old address leads to the debate it joined, and the log says so.
    expect((await getArticleBySlug(article.slug, null))!.claims.some((claim) => claim.id === from)).toBe(false);
    expect(await getMergedInto(from, null)).toBe(to);
    expect((await listModerationLog(null))[0]).toMatchObject({ action: "merge_claim", reason: expect.stringContaining(to) });
    // Selecting the merged claim's words again leads to the claim it joined.
    const again = await getDb().claim.findUniqueOrThrow({ where: { id: from }, select: { start: true, end: true } });
    expect(await raise(cal, again)).toEqual({ kind: "existing", claimId: to, argued: false });
  });

  test("an editor acting on what they saw loses to a moderator who changed the claim in the meantime", async () => {
    const raised = await raise(ada, unmarked());
    const claimId = raised.kind === "created" ? raised.claimId : "";
    const seen = await version(claimId);
    // A moderator's change is under way (its row lock held) when the editor's reword starts.
    let release!: () => void;
    let started!: () => void;
    const moderatorStarted = new Promise<void>((resolve) => (started = resolve));
    const moderator = getDb().$transaction(async (tx) => {
      await tx.claim.update({ where: { id: claimId }, data: { lockedAt: new Date(), moderationVersion: { increment: 1 } } });
      started();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await moderatorStarted;
    // Its outcome is taken at once: the refusal may come before the moderator is released.
    const reword = curateClaim(eve, { action: "reword", claimId, version: seen, text: "Worded from a page that is now out of date." }).then(
      () => null,
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await moderator;
    expect(await reword).toMatchObject({ status: 409 });
    expect((await getDb().claim.findUniqueOrThrow({ where: { id: claimId } })).text).not.toBe("Worded from a page that is now out of date.");
  });

  test("rewording and removing: logged, removal needs a reason, and removed words cannot be raised again", async () => {
    const span = unmarked();
    const raised = await raise(ada, span);
    const claimId = raised.kind === "created" ? raised.claimId : "";
    await curateClaim(eve, { action: "reword", claimId, version: await version(claimId), text: "The point, said plainly." });
    expect((await getDb().claim.findUniqueOrThrow({ where: { id: claimId } })).text).toBe("The point, said plainly.");
    await expect(
      curateClaim(eve, { action: "reword", claimId, version: (await version(claimId)) - 1, text: "A stale edit from an old page." }),
    ).rejects.toMatchObject({ status: 409 });
    await curateClaim(eve, { action: "remove", claimId, version: await version(claimId), reason: "Not a claim: a quotation of a source." });
    expect((await listModerationLog(null))[0]).toMatchObject({ action: "remove", reason: "Not a claim: a quotation of a source.", link: null });
    await expect(raise(ben, span)).rejects.toMatchObject({ status: 409, message: expect.stringContaining("withheld") });
    expect((await getProfile(ada.id, null))!.claims.map((raised) => raised.id)).not.toContain(claimId);
  });
});
