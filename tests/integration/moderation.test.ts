import { beforeAll, describe, expect, test } from "vitest";
import { createUser } from "@/lib/accounts/create-user";
import { createResponse } from "@/lib/debate/post-response";
import { editResponse } from "@/lib/debate/edit-response";
import { getClaimDiscussion } from "@/lib/debate/discussion";
import { addWordFilter } from "@/lib/moderation/word-filters";
import { listModerationLog } from "@/lib/moderation/log";
import { listQueue } from "@/lib/moderation/review-queue";
import { moderate } from "@/lib/moderation/moderate";
import { reportItem } from "@/lib/moderation/report-item";
import { sanctionUser } from "@/lib/moderation/sanction-user";
import { setRole } from "@/lib/moderation/set-role";
import { getSessionUserById } from "@/lib/accounts/users";
import { getDb } from "@/lib/db/client";
import { canPost, type Actor } from "@/lib/policy";
import { seedDemoArticles } from "@/scripts/lib/seed-demo";

let claimId: string;
const people: Record<string, Actor> = {};

async function person(name: string, role: Actor["role"] = "user") {
  const user = await createUser({ email: `${name}@example.com`, name });
  if (role !== user.role) await getDb().user.update({ where: { id: user.id }, data: { role } });
  people[name] = { id: user.id, role, bannedUntil: null, silencedUntil: null };
  return people[name];
}

beforeAll(async () => {
  await seedDemoArticles();
  claimId = (await getDb().claim.findFirstOrThrow({ select: { id: true } })).id;
  await person("root", "admin");
  for (const name of ["ann", "r1", "r2", "r3"]) await person(name);
  await person("mod", "moderator");
  await person("mod2", "moderator");
});

const post = (author: Actor, body: string) => createResponse({ claimId, parentId: null, stance: "support", body, authorId: author.id });
const report = (reporter: Actor, responseId: string, reason: "spam" | "other" = "spam", note: string | null = null) =>
  reportItem(reporter, { target: { type: "response", id: responseId }, reason, note });

describe("reports and auto-hide", () => {
  test("three reports hide a response pending review; it leads the queue; a moderator restores it; the log has both", async () => {
    const response = await post(people.ann, "A response that three people dislike.");
    await report(people.r1, response.id);
    await report(people.r2, response.id);
    expect((await getClaimDiscussion(claimId))!.byId.get(response.id)!.hidden).toBe(false);
    await report(people.r3, response.id);
    // Gone for readers (text and id); its author and moderators see it, marked.
    expect((await getClaimDiscussion(claimId, { viewer: people.r1 }))!.byId.has(response.id)).toBe(false);
    expect((await getClaimDiscussion(claimId))!.byId.has(response.id)).toBe(false);
    expect((await getClaimDiscussion(claimId, { viewer: people.ann }))!.byId.get(response.id)).toMatchObject({
      hidden: true,
      withheld: true,
      body: "A response that three people dislike.",
    });
    expect((await getClaimDiscussion(claimId, { viewer: people.mod }))!.byId.get(response.id)).toMatchObject({ hidden: true, withheld: true });

    const [first] = await listQueue();
    expect(first).toMatchObject({ type: "response", id: response.id, score: 3 });
    await moderate({
      moderator: people.mod,
      target: { type: "response", id: response.id },
      action: "restore",
      version: first.moderationVersion,
      reason: "Not spam",
    });
    expect((await getClaimDiscussion(claimId))!.byId.get(response.id)!.hidden).toBe(false);
    const log = await listModerationLog(people.mod);
    expect(log.slice(0, 2).map((entry) => [entry.action, entry.moderator])).toEqual([
      ["restore", "mod"],
      ["hide", "Automatic"],
    ]);
    expect((await listModerationLog(null))[0].moderator).toBe("A moderator");
  });

  test("refused reports write nothing: twice, own item, 'other' without a note", async () => {
    const response = await post(people.ann, "Something to report only once.");
    await report(people.r1, response.id);
    await expect(report(people.r1, response.id)).rejects.toMatchObject({ status: 409 });
    await expect(report(people.ann, response.id)).rejects.toMatchObject({ status: 403 });
    await expect(report(people.r2, response.id, "other", null)).rejects.toMatchObject({ status: 400 });
    expect(await getDb().report.count({ where: { responseId: response.id } })).toBe(1);
  });
});

describe("moderators' actions", () => {
  test("two moderators acting at once: one wins, the other is told it was already handled", async () => {
    const response = await post(people.ann, "Two moderators look at this at once.");
    await report(people.r1, response.id);
    const version = (await getDb().response.findUniqueOrThrow({ where: { id: response.id } })).moderationVersion;
    const results = await Promise.allSettled([
      moderate({ moderator: people.mod, target: { type: "response", id: response.id }, action: "remove", version, reason: "Spam" }),
      moderate({ moderator: people.mod2, target: { type: "response", id: response.id }, action: "dismiss", version }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({
      reason: { status: 409, message: expect.stringContaining("Already handled") },
    });
  });

  test("a removed response shows its reason to its author and can no longer be edited", async () => {
    const response = await post(people.ann, "This will be removed for a reason.");
    await moderate({ moderator: people.mod, target: { type: "response", id: response.id }, action: "remove", version: 0, reason: "Personal attack" });
    const own = (await getClaimDiscussion(claimId, { viewer: people.ann }))!.byId.get(response.id)!;
    expect(own).toMatchObject({ removed: true, removalReason: "Personal attack" });
    expect((await getClaimDiscussion(claimId, { viewer: people.r1 }))!.byId.has(response.id)).toBe(false);
    await expect(editResponse({ responseId: response.id, actor: people.ann, body: "Trying to sneak it back.", seenEditedAt: null })).rejects.toMatchObject({
      status: 409,
    });
  });

  test("a locked claim takes no new responses", async () => {
    const claim = await getDb().claim.findUniqueOrThrow({ where: { id: claimId }, select: { moderationVersion: true } });
    await moderate({ moderator: people.mod, target: { type: "claim", id: claimId }, action: "lock", version: claim.moderationVersion });
    await expect(post(people.ann, "Posting into a locked debate.")).rejects.toMatchObject({ status: 409 });
    await moderate({ moderator: people.mod, target: { type: "claim", id: claimId }, action: "unlock", version: claim.moderationVersion + 1 });
    await expect(post(people.ann, "Posting after it was unlocked.")).resolves.toBeTruthy();
  });

  test("the log is append-only, enforced by the database", async () => {
    await expect(getDb().moderationAction.updateMany({ data: { reason: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(getDb().moderationAction.deleteMany()).rejects.toThrow(/append-only/);
    expect(await getDb().moderationAction.count()).toBeGreaterThan(0);
  });
});

describe("sanctions and roles", () => {
  test("a silenced user can vote but not post, and learns why; a moderator cannot sanction an admin", async () => {
    await sanctionUser({ moderator: people.mod, userId: people.r3.id, kind: "silence", reason: "Cool off", days: 3 });
    const silenced = await getSessionUserById(people.r3.id);
    expect(canPost(silenced)).toBe(false);
    expect(silenced?.silenceReason).toBe("Cool off");
    await expect(sanctionUser({ moderator: people.mod, userId: people.root.id, kind: "ban", reason: "Nope" })).rejects.toMatchObject({ status: 403 });
    await expect(sanctionUser({ moderator: people.mod, userId: people.r2.id, kind: "ban", reason: " " })).rejects.toMatchObject({ status: 400 });
  });

  test("only admins change roles, never their own; the change is logged", async () => {
    await expect(setRole({ admin: people.mod, userId: people.r1.id, role: "editor" })).rejects.toMatchObject({ status: 403 });
    await expect(setRole({ admin: people.root, userId: people.root.id, role: "user" })).rejects.toMatchObject({ status: 403 });
    await setRole({ admin: people.root, userId: people.r1.id, role: "editor" });
    expect((await getSessionUserById(people.r1.id))?.role).toBe("editor");
    expect((await listModerationLog(people.root))[0]).toMatchObject({ action: "role", reason: "Role changed from user to editor" });
  });
});

describe("word filter", () => {
  test("a blocking word refuses the post; a reviewing one holds it for review", async () => {
    await addWordFilter({ admin: people.root, pattern: "scam", mode: "block" });
    await addWordFilter({ admin: people.root, pattern: "/crypto\\s*gains/", mode: "review" });
    await expect(post(people.ann, "This whole thing is a SCAM, obviously.")).rejects.toMatchObject({ status: 400 });
    await expect(post(people.ann, "Scampering squirrels are not blocked words.")).resolves.toBeTruthy();
    const held = await post(people.ann, "Think of the crypto  gains we could make.");
    expect((await getClaimDiscussion(claimId))!.byId.has(held.id)).toBe(false);
    expect((await getClaimDiscussion(claimId, { viewer: people.ann }))!.byId.get(held.id)!.hidden).toBe(true);
    expect((await listQueue()).some((item) => item.id === held.id)).toBe(true);
  });

  test("a regular expression that does not compile is refused with a reason, and nothing is stored", async () => {
    await expect(addWordFilter({ admin: people.root, pattern: "/crypto(gains/", mode: "block" })).rejects.toMatchObject({
      status: 400,
      message: "That regular expression is not valid.",
    });
    expect(await getDb().wordFilter.count({ where: { pattern: "/crypto(gains/" } })).toBe(0);
  });
});

describe("no judging your own case", () => {
  test("a moderator cannot decide reports on their own response while another moderator can; the other one can", async () => {
    const own = await post(people.mod, "A moderator's own argument that someone reported.");
    await report(people.r1, own.id);
    const version = (await getDb().response.findUniqueOrThrow({ where: { id: own.id } })).moderationVersion;
    for (const action of ["dismiss", "hide", "remove"] as const) {
      await expect(
        moderate({ moderator: people.mod, target: { type: "response", id: own.id }, action, version, reason: "Mine, and fine.", soleModeratorConfirmed: true }),
      ).rejects.toMatchObject({ status: 403, message: "This is about your own content: another moderator must decide." });
    }
    expect(await getDb().response.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ hiddenAt: null, removedAt: null, moderationVersion: version });
    expect(await getDb().report.count({ where: { responseId: own.id, status: "open" } })).toBe(1);

    await moderate({ moderator: people.mod2, target: { type: "response", id: own.id }, action: "dismiss", version, reason: "Nothing wrong here." });
    expect(await getDb().report.count({ where: { responseId: own.id, status: "open" } })).toBe(0);
  });

  test("the site's only moderator may decide about their own content once they say so, and the log says the author decided", async () => {
    // Everyone else who could moderate steps down for this test (this file's own database).
    const others = await getDb().user.findMany({
      where: { role: { in: ["moderator", "admin"] }, id: { not: people.mod.id } },
      select: { id: true, role: true },
    });
    await getDb().user.updateMany({ where: { id: { in: others.map((other) => other.id) } }, data: { role: "user" } });
    try {
      const own = await post(people.mod, "The only moderator's own argument, reported.");
      await report(people.r2, own.id);
      const target = { type: "response" as const, id: own.id };
      await expect(moderate({ moderator: people.mod, target, action: "dismiss", version: 0, reason: "Fine." })).rejects.toMatchObject({
        status: 409,
        message: expect.stringContaining("I am the only moderator"),
      });
      await moderate({ moderator: people.mod, target, action: "dismiss", version: 0, reason: "Fine.", soleModeratorConfirmed: true });
      const [entry] = await listModerationLog(people.root);
      expect(entry).toMatchObject({ action: "dismiss", reason: "Fine. Decided by its author, the site's only moderator." });
    } finally {
      for (const other of others) await getDb().user.update({ where: { id: other.id }, data: { role: other.role } });
    }
  });

  test("nobody sanctions themselves", async () => {
    await expect(sanctionUser({ moderator: people.root, userId: people.root.id, kind: "silence", reason: "Testing myself.", days: 1 })).rejects.toMatchObject({
      status: 403,
    });
  });
});
