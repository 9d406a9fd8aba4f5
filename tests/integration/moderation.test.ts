import { beforeAll, describe, expect, test } from "vitest";
import { createUser } from "@/lib/accounts/create-user";
import { createResponse } from "@/lib/debate/post-response";
import { editResponse } from "@/lib/debate/edit-response";
import { getClaimDiscussion } from "@/lib/debate/discussion";
import { listNotifications } from "@/lib/debate/notifications";
import { addWordFilter } from "@/lib/moderation/word-filters";
import { listModerationLog } from "@/lib/moderation/log";
import { listQueue } from "@/lib/moderation/review-queue";
import { moderate } from "@/lib/moderation/moderate";
import { listSiteRules, retireSiteRule, saveSiteRule } from "@/lib/moderation/rules";
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
// The site's default rules (migration 20261207001626_site_rules_placeholders).
const SPAM = "rule-spam";
const HARASSMENT = "rule-harassment";
const OTHER = "rule-other";
const report = (reporter: Actor, responseId: string, ruleId = SPAM, note: string | null = null) =>
  reportItem(reporter, { target: { type: "response", id: responseId }, ruleId, note });

describe("reports and auto-hide", () => {
  test("three reports hide a response pending review; it leads the queue; a moderator restores it; the log has both", async () => {
    const response = await post(people.ann, "A response that three people dislike.");
    await report(people.r1, response.id);
    await report(people.r2, response.id);
    expect((await getClaimDiscussion(claimId))!.byId.get(response.id)!.hidden).toBe(false);
    await report(people.r3, response.id);
    // Readers, signed in or not, meet a placeholder: no text, no author, no figures; the rule the reports
    // cited and the log entry. Its author and moderators see it, marked.
    for (const viewer of [people.r1, null]) {
      const placeholder = (await getClaimDiscussion(claimId, { viewer }))!.byId.get(response.id)!;
      expect(placeholder).toMatchObject({ placeholder: true, body: "", author: null, strong: 0, weak: 0, replies: 0, sources: [] });
      expect(placeholder.moderation).toMatchObject({ removed: false, rule: "Spam", note: null, logHref: expect.stringMatching(/^\/moderation\/log\?item=/) });
    }
    expect((await getClaimDiscussion(claimId, { viewer: people.ann }))!.byId.get(response.id)).toMatchObject({
      hidden: true,
      withheld: true,
      placeholder: false,
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
      ruleId: null,
      note: "Not spam",
    });
    expect((await getClaimDiscussion(claimId))!.byId.get(response.id)!.hidden).toBe(false);
    const log = await listModerationLog(people.mod);
    expect(log.slice(0, 2).map((entry) => [entry.action, entry.moderator, entry.rule?.name ?? null])).toEqual([
      ["restore", "mod", null],
      ["hide", "Automatic", "Spam"],
    ]);
    expect((await listModerationLog(null))[0].moderator).toBe("A moderator");
  });

  test("refused reports write nothing: twice, own item, 'other' without a note", async () => {
    const response = await post(people.ann, "Something to report only once.");
    await report(people.r1, response.id);
    await expect(report(people.r1, response.id)).rejects.toMatchObject({ status: 409 });
    await expect(report(people.ann, response.id)).rejects.toMatchObject({ status: 403 });
    await expect(report(people.r2, response.id, OTHER, null)).rejects.toMatchObject({
      status: 400,
      message: "Say what is wrong: a note is required for “Other”.",
    });
    await expect(reportItem(people.r2, { target: { type: "response", id: response.id }, ruleId: null })).rejects.toMatchObject({ status: 400 });
    await expect(report(people.r2, response.id, "rule-that-does-not-exist")).rejects.toMatchObject({ status: 400 });
    expect(await getDb().report.count({ where: { responseId: response.id } })).toBe(1);
  });
});

describe("moderators' actions", () => {
  test("two moderators acting at once: one wins, the other is told it was already handled", async () => {
    const response = await post(people.ann, "Two moderators look at this at once.");
    await report(people.r1, response.id);
    const version = (await getDb().response.findUniqueOrThrow({ where: { id: response.id } })).moderationVersion;
    const results = await Promise.allSettled([
      moderate({ moderator: people.mod, target: { type: "response", id: response.id }, action: "remove", version, ruleId: SPAM }),
      moderate({ moderator: people.mod2, target: { type: "response", id: response.id }, action: "dismiss", version, ruleId: SPAM }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({
      reason: { status: 409, message: expect.stringContaining("Already handled") },
    });
  });

  test("a removed response shows its rule and note to its author, a placeholder with the rule to everyone else, and can no longer be edited", async () => {
    const response = await post(people.ann, "This will be removed for a reason.");
    await moderate({
      moderator: people.mod,
      target: { type: "response", id: response.id },
      action: "remove",
      version: 0,
      ruleId: HARASSMENT,
      note: "Personal attack",
    });
    const own = (await getClaimDiscussion(claimId, { viewer: people.ann }))!.byId.get(response.id)!;
    expect(own).toMatchObject({
      removed: true,
      removalReason: "Harassment: Personal attack",
      moderation: { removed: true, rule: "Harassment", note: "Personal attack" },
    });
    expect((await getClaimDiscussion(claimId, { viewer: people.r1 }))!.byId.get(response.id)).toMatchObject({
      placeholder: true,
      body: "",
      author: null,
      moderation: { removed: true, rule: "Harassment", note: null },
    });
    // Her bell tells her, with the rule and the note, as "a moderator".
    const [notice] = await listNotifications(people.ann);
    expect(notice).toMatchObject({
      kind: "moderation",
      actorName: "A moderator",
      response: { id: response.id },
      moderation: { removed: true, rule: "Harassment", note: "Personal attack" },
    });
    await expect(editResponse({ responseId: response.id, actor: people.ann, body: "Trying to sneak it back.", seenEditedAt: null })).rejects.toMatchObject({
      status: 409,
    });
  });

  test("every action cites one of the site's rules: without one, or with a retired one, it is refused and nothing is stored", async () => {
    const response = await post(people.ann, "Moderators must say which rule this breaks.");
    const before = await getDb().moderationAction.count();
    for (const action of ["hide", "remove", "dismiss"] as const) {
      await expect(moderate({ moderator: people.mod, target: { type: "response", id: response.id }, action, version: 0, ruleId: null })).rejects.toMatchObject({
        status: 400,
        message: "Choose the rule it breaks: every moderation action cites one.",
      });
    }
    await expect(
      moderate({ moderator: people.mod, target: { type: "response", id: response.id }, action: "hide", version: 0, ruleId: OTHER, note: " " }),
    ).rejects.toMatchObject({ status: 400, message: "Say what is wrong: a note is required for “Other”." });
    await expect(sanctionUser({ moderator: people.mod, userId: people.r2.id, kind: "ban", ruleId: null })).rejects.toMatchObject({ status: 400 });
    expect(await getDb().response.findUniqueOrThrow({ where: { id: response.id } })).toMatchObject({ hiddenAt: null, removedAt: null, moderationVersion: 0 });
    expect(await getSessionUserById(people.r2.id)).toMatchObject({ bannedUntil: null });
    expect(await getDb().moderationAction.count()).toBe(before);
  });

  test("a locked claim takes no new responses", async () => {
    const claim = await getDb().claim.findUniqueOrThrow({ where: { id: claimId }, select: { moderationVersion: true } });
    await moderate({
      moderator: people.mod,
      target: { type: "claim", id: claimId },
      action: "lock",
      version: claim.moderationVersion,
      ruleId: "rule-off-topic",
    });
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
    await sanctionUser({ moderator: people.mod, userId: people.r3.id, kind: "silence", ruleId: HARASSMENT, note: "Cool off", days: 3 });
    const silenced = await getSessionUserById(people.r3.id);
    expect(canPost(silenced)).toBe(false);
    expect(silenced?.silenceReason).toBe("Harassment: Cool off");
    await expect(sanctionUser({ moderator: people.mod, userId: people.root.id, kind: "ban", ruleId: HARASSMENT })).rejects.toMatchObject({ status: 403 });
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
    expect((await getClaimDiscussion(claimId))!.byId.get(held.id)).toMatchObject({ placeholder: true, body: "", moderation: { removed: false, rule: null } });
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
        moderate({
          moderator: people.mod,
          target: { type: "response", id: own.id },
          action,
          version,
          ruleId: SPAM,
          note: "Mine, and fine.",
          soleModeratorConfirmed: true,
        }),
      ).rejects.toMatchObject({ status: 403, message: "This is about your own content: another moderator must decide." });
    }
    expect(await getDb().response.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ hiddenAt: null, removedAt: null, moderationVersion: version });
    expect(await getDb().report.count({ where: { responseId: own.id, status: "open" } })).toBe(1);

    await moderate({ moderator: people.mod2, target: { type: "response", id: own.id }, action: "dismiss", version, ruleId: SPAM, note: "Nothing wrong here." });
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
      await expect(moderate({ moderator: people.mod, target, action: "dismiss", version: 0, ruleId: SPAM, note: "Fine." })).rejects.toMatchObject({
        status: 409,
        message: expect.stringContaining("I am the only moderator"),
      });
      await moderate({ moderator: people.mod, target, action: "dismiss", version: 0, ruleId: SPAM, note: "Fine.", soleModeratorConfirmed: true });
      const [entry] = await listModerationLog(people.root);
      expect(entry).toMatchObject({ action: "dismiss", reason: "Fine. Decided by its author, the site's only moderator." });
    } finally {
      for (const other of others) await getDb().user.update({ where: { id: other.id }, data: { role: other.role } });
    }
  });

  test("nobody sanctions themselves", async () => {
    await expect(
      sanctionUser({ moderator: people.root, userId: people.root.id, kind: "silence", ruleId: HARASSMENT, note: "Testing myself.", days: 1 }),
    ).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe("the site's rules", () => {
  test("admins add, change and retire rules; moderators cannot; a retired rule is no longer offered or accepted, and stays where it was cited", async () => {
    await expect(saveSiteRule(people.mod, { id: null, name: "Trolling", text: "Posting only to provoke a reaction.", needsNote: false })).rejects.toMatchObject(
      {
        status: 403,
      },
    );
    const rule = await saveSiteRule(people.root, { id: null, name: "Trolling", text: "Posting only to provoke a reaction.", needsNote: false });
    await expect(
      saveSiteRule(people.root, { id: null, name: "trolling", text: "The same rule twice, by another case.", needsNote: false }),
    ).rejects.toMatchObject({
      status: 409,
    });
    expect((await listSiteRules()).map((each) => each.name)).toContain("Trolling");
    const response = await post(people.ann, "Bait, posted for a reaction and nothing else.");
    await report(people.r1, response.id, rule.id);
    await saveSiteRule(people.root, { id: rule.id, name: "Trolling", text: "Posting only to get a rise out of people.", needsNote: false });
    await retireSiteRule(people.root, { id: rule.id, retired: true });
    expect((await listSiteRules()).map((each) => each.name)).not.toContain("Trolling");
    expect((await listSiteRules({ withRetired: true })).find((each) => each.id === rule.id)).toMatchObject({ retired: true });
    await expect(report(people.r2, response.id, rule.id)).rejects.toMatchObject({ status: 400 });
    expect(
      await getDb().report.findFirst({ where: { responseId: response.id, reporterId: people.r1.id }, select: { rule: { select: { name: true } } } }),
    ).toEqual({
      rule: { name: "Trolling" },
    });
    expect((await listModerationLog(null)).slice(0, 3).map((entry) => [entry.action, entry.rule?.name])).toEqual([
      ["rule_retired", "Trolling"],
      ["rule_changed", "Trolling"],
      ["rule_added", "Trolling"],
    ]);
  });
});

describe("placeholders where a response was hidden or removed", () => {
  test("counts keep the placeholder in its place, its argument stops counting, its replies fold with it; the API and the export hold a tombstone", async () => {
    const claim = await getDb().claim.create({
      data: {
        articleId: (await getDb().claim.findUniqueOrThrow({ where: { id: claimId } })).articleId,
        text: "Placeholders keep their place.",
        exact: "x",
        prefix: "",
        suffix: "",
        start: 0,
        end: 1,
      },
    });
    const parent = await createResponse({
      claimId: claim.id,
      parentId: null,
      stance: "oppose",
      body: "An opposing argument that will be removed.",
      authorId: people.ann.id,
    });
    const reply = await createResponse({
      claimId: claim.id,
      parentId: parent.id,
      stance: "support",
      body: "A reply under it, folded with it.",
      authorId: people.r1.id,
    });
    const counts = () => getDb().claim.findUniqueOrThrow({ where: { id: claim.id }, select: { opposeCount: true, responseCount: true, opposeLog: true } });
    expect(await counts()).toMatchObject({ opposeCount: 1, responseCount: 2 });
    await moderate({
      moderator: people.mod,
      target: { type: "response", id: parent.id },
      action: "remove",
      version: 0,
      ruleId: HARASSMENT,
      note: "Names a colleague.",
    });
    // The column still shows one item (the placeholder); the reply below is folded; no argument moves the standing.
    expect(await counts()).toEqual({ opposeCount: 1, responseCount: 1, opposeLog: 0 });
    const page = (await getClaimDiscussion(claim.id, { viewer: people.r2 }))!;
    expect(page.opposing.map((view) => [view.id, view.placeholder])).toEqual([[parent.id, true]]);
    expect(page.byId.has(reply.id)).toBe(false);
    expect(page.counts.opposing).toBe(1);

    const { getResponseItem, listClaimResponses } = await import("@/lib/api/resources");
    const tombstone = { id: parent.id, status: "removed", body: null, author: null, votes: { strong: 0, weak: 0 }, replies: { supporting: 0, opposing: 0 } };
    expect(await getResponseItem(parent.id, null)).toMatchObject(tombstone);
    expect(await getResponseItem(reply.id, null)).toBeNull();
    expect((await listClaimResponses(claim.id, { limit: 10 }, null))!.items).toMatchObject([tombstone]);
    expect(await getResponseItem(parent.id, people.ann)).toMatchObject({ status: "removed", body: "An opposing argument that will be removed." });

    const { getDebateForExport } = await import("@/lib/exchange/queries");
    const exported = (await getDebateForExport(claim.id))!.tree.responses;
    expect(exported).toEqual([{ id: parent.id, parentId: null, stance: "oppose", text: "[removed by a moderator]", sources: [] }]);
    expect(JSON.stringify(exported)).not.toContain("colleague");

    // Restored: the argument and its reply are back, with the counts they had.
    await moderate({ moderator: people.mod, target: { type: "response", id: parent.id }, action: "restore", version: 1, ruleId: null });
    expect(await counts()).toMatchObject({ opposeCount: 1, responseCount: 2 });
    expect((await getClaimDiscussion(claim.id, { viewer: null }))!.byId.get(reply.id)).toMatchObject({ body: "A reply under it, folded with it." });
  });
});
