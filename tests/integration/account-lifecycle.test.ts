// Self-service on one's own account: name (logged for moderators), password, sessions, the data
// download, and deletion with its rules (decision 019), against a real database.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { accountDataChunks, ACCOUNT_DATA_FORMAT } from "@/lib/accounts/account-data";
import { createUser, EmailBannedError } from "@/lib/accounts/create-user";
import { deleteAccount, DELETED_ACCOUNT_NAME } from "@/lib/accounts/delete-account";
import { changeDisplayName, changePassword, listNameChanges } from "@/lib/accounts/profile";
import { endAllSessions, listLiveSessions, startUserSession } from "@/lib/accounts/user-sessions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createResponse } from "@/lib/debate/post-response";
import { editResponse } from "@/lib/debate/edit-response";
import { storeClaimVote } from "@/lib/debate/vote-on-claim";
import { confirmProviderAddress } from "@/lib/accounts/provider-address";
import { storeResponseVote } from "@/lib/debate/vote-on-response";
import { setFollow } from "@/lib/debate/follow";
import { appSql, getDb } from "@/lib/db/client";
import { seedDemoArticles } from "@/scripts/lib/seed-demo";

const PASSWORD = "a long and unusual passphrase 42";
let claimId: string;

beforeAll(async () => {
  await seedDemoArticles();
  claimId = (await getDb().claim.findFirstOrThrow({ where: { hiddenAt: null }, select: { id: true } })).id;
});

async function person(label: string) {
  const user = await createUser({
    email: `${label.toLowerCase()}-${randomBytes(3).toString("hex")}@example.com`,
    name: label,
    passwordHash: await hashPassword(PASSWORD),
  });
  return { ...user, bannedUntil: null as Date | null };
}

const claim = () => getDb().claim.findUniqueOrThrow({ where: { id: claimId }, select: { agreeVotes: true, disagreeVotes: true, standing: true } });

describe("name and password", () => {
  test("a new display name shows everywhere; the old one is kept for moderators", async () => {
    const ann = await person("Ann");
    await changeDisplayName(ann.id, "Annabel");
    expect((await getDb().user.findUniqueOrThrow({ where: { id: ann.id } })).name).toBe("Annabel");
    expect(await listNameChanges(ann.id)).toMatchObject([{ oldName: "Ann", newName: "Annabel" }]);
  });

  test("changing the password needs the current one and signs out every other session", async () => {
    const ben = await person("Ben");
    const here = await startUserSession(ben.id, 3600, "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
    const there = await startUserSession(ben.id, 3600, "Mozilla/5.0 (iPhone) Safari/605.1");
    await expect(changePassword({ userId: ben.id, sessionId: here, currentPassword: "wrong", newPassword: "another long passphrase 8" })).rejects.toThrow(
      /not your current password/,
    );
    const { otherSessionsEnded } = await changePassword({
      userId: ben.id,
      sessionId: here,
      currentPassword: PASSWORD,
      newPassword: "another long passphrase 8",
    });
    expect(otherSessionsEnded).toBe(1);
    expect((await listLiveSessions(ben.id)).map((session) => session.id)).toEqual([here]);
    expect(there).not.toBe(here);
    await endAllSessions(ben.id);
    expect(await listLiveSessions(ben.id)).toEqual([]);
    expect(await verifyPassword((await getDb().user.findUniqueOrThrow({ where: { id: ben.id } })).passwordHash, "another long passphrase 8")).toBe(true);
  });
});

describe("OAuth sign-ups", () => {
  test("an address Google vouches for is confirmed; otherwise the account is mailed our own link", async () => {
    const vouched = await createUser({ email: `g-${randomBytes(3).toString("hex")}@example.com`, name: "Google" });
    await confirmProviderAddress({ userId: vouched.id, email: vouched.email.toUpperCase(), provider: "google", profile: { emailVouched: true } });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: vouched.id } })).emailVerified).not.toBeNull();

    const unvouched = await createUser({ email: `u-${randomBytes(3).toString("hex")}@example.com`, name: "Unvouched" });
    await confirmProviderAddress({ userId: unvouched.id, email: unvouched.email, provider: "google", profile: { emailVouched: false } });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: unvouched.id } })).emailVerified).toBeNull();
    const jobs = await getDb().$queryRaw<{ payload: { kind: string; userId: string } }[]>`select payload from graphile_worker._private_jobs`;
    expect(jobs.map((job) => job.payload)).toContainEqual({ kind: "verify_email", userId: unvouched.id });
  });
});

describe("download my data", () => {
  test("one JSON document with the account, responses and their history, votes, follows and reports", async () => {
    const cy = await person("Cy");
    const dee = await person("Dee");
    const response = await createResponse({ claimId, parentId: null, stance: "support", body: "Cy's first wording.", authorId: cy.id });
    await editResponse({ responseId: response.id, actor: cy, body: "Cy's second wording.", seenEditedAt: null });
    const other = await createResponse({ claimId, parentId: null, stance: "oppose", body: "Dee's point.", authorId: dee.id });
    await storeClaimVote(cy.id, { claimId, value: "agree" }, appSql);
    await storeResponseVote(cy, { responseId: other.id, value: "weak" });
    await setFollow({ userId: cy.id, claimId, follow: true });
    await getDb().report.create({ data: { reporterId: cy.id, responseId: other.id, ruleId: "rule-other", note: "What does this mean?" } });
    let text = "";
    for await (const chunk of accountDataChunks(cy)) text += chunk;
    const data = JSON.parse(text);
    expect(data.format).toBe(ACCOUNT_DATA_FORMAT);
    expect(data.account).toMatchObject({ id: cy.id, name: "Cy", email: cy.email });
    expect(data.account.passwordHash).toBeUndefined();
    expect(data.responses).toMatchObject([{ id: response.id, body: "Cy's second wording.", revisions: [{ body: "Cy's first wording." }] }]);
    expect(data.claimVotes).toMatchObject([{ claimId, value: "agree" }]);
    expect(data.responseVotes).toMatchObject([{ responseId: other.id, value: "weak" }]);
    expect(data.follows.map((follow: { claimId: string | null; responseId: string | null }) => follow.claimId ?? follow.responseId)).toEqual(
      expect.arrayContaining([claimId, response.id]),
    );
    expect(data.reports).toMatchObject([{ responseId: other.id, rule: "Other", note: "What does this mean?" }]);
    expect(text).not.toContain("Dee's point.");
  });
});

describe("deleting an account", () => {
  test("responses lose their text (kept as [deleted] where answered), votes go and standings are recomputed, sign-in is impossible", async () => {
    const eve = await person("Eve");
    const fin = await person("Fin");
    const before = await claim();
    const answered = await createResponse({ claimId, parentId: null, stance: "support", body: "Eve's answered argument.", authorId: eve.id });
    await createResponse({ claimId, parentId: answered.id, stance: "oppose", body: "Fin answers Eve.", authorId: fin.id });
    const lonely = await createResponse({ claimId, parentId: null, stance: "support", body: "Eve's unanswered argument.", authorId: eve.id });
    await storeClaimVote(eve.id, { claimId, value: "disagree" }, appSql);
    expect((await claim()).disagreeVotes).toBe(before.disagreeVotes + 1);
    const session = await startUserSession(eve.id, 3600);

    await expect(deleteAccount({ userId: eve.id, sessionId: session, password: "wrong", keepText: false })).rejects.toThrow(/not your current password/);
    await deleteAccount({ userId: eve.id, sessionId: session, password: PASSWORD, keepText: false });

    const gone = await getDb().user.findUniqueOrThrow({ where: { id: eve.id } });
    expect(gone).toMatchObject({ name: DELETED_ACCOUNT_NAME, passwordHash: null, image: null });
    expect(gone.email).not.toContain("eve");
    expect(gone.deletedAt).not.toBeNull();
    const responses = await getDb().response.findMany({ where: { id: { in: [answered.id, lonely.id] } }, select: { body: true, deletedAt: true } });
    expect(responses.every((response) => response.body === "" && response.deletedAt !== null)).toBe(true);
    expect((await claim()).disagreeVotes).toBe(before.disagreeVotes);
    expect(await getDb().userSession.count({ where: { userId: eve.id } })).toBe(0);
    // Fin's reply keeps its place under the tombstone.
    expect(await getDb().response.count({ where: { parentId: answered.id } })).toBe(1);
  });

  test("keeping the text leaves the responses readable under [deleted account]", async () => {
    const gus = await person("Gus");
    const kept = await createResponse({ claimId, parentId: null, stance: "oppose", body: "Gus's argument, left for others.", authorId: gus.id });
    await deleteAccount({ userId: gus.id, sessionId: null, password: PASSWORD, keepText: true });
    const response = await getDb().response.findUniqueOrThrow({
      where: { id: kept.id },
      select: { body: true, deletedAt: true, author: { select: { name: true } } },
    });
    expect(response).toEqual({ body: "Gus's argument, left for others.", deletedAt: null, author: { name: DELETED_ACCOUNT_NAME } });
  });

  test("a banned person's address cannot sign up again while the ban lasts; nothing else of theirs is kept", async () => {
    const hal = await person("Hal");
    const until = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    await getDb().user.update({ where: { id: hal.id }, data: { bannedUntil: until, banReason: "spam" } });
    await deleteAccount({ userId: hal.id, sessionId: null, password: PASSWORD, keepText: false });
    expect(JSON.stringify(await getDb().bannedEmail.findMany())).not.toContain("hal");
    await expect(createUser({ email: hal.email.toUpperCase(), name: "Hal again" })).rejects.toThrow(EmailBannedError);
    // A person who was not banned can come back with the same address.
    const ivy = await person("Ivy");
    await deleteAccount({ userId: ivy.id, sessionId: null, password: PASSWORD, keepText: false });
    await expect(createUser({ email: ivy.email, name: "Ivy again" })).resolves.toMatchObject({ email: ivy.email });
  });

  test("a stolen session cannot guess the password through deletion: attempts are limited before the check", async () => {
    const jo = await person("Jo");
    const answers: string[] = [];
    for (let i = 0; i < 11; i += 1) {
      answers.push(
        await deleteAccount({ userId: jo.id, sessionId: null, password: `guess ${i}`, keepText: false }).then(
          () => "deleted",
          (error: Error) => error.message,
        ),
      );
    }
    expect(answers.slice(0, 10).every((answer) => answer === "That is not your current password.")).toBe(true);
    expect(answers[10]).toMatch(/faster than Arguably allows/);
    // Even the right password waits for the window now.
    await expect(deleteAccount({ userId: jo.id, sessionId: null, password: PASSWORD, keepText: false })).rejects.toThrow(/faster than Arguably allows/);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: jo.id } })).deletedAt).toBeNull();
  });

  test("the only admin cannot delete their account", async () => {
    await getDb().user.updateMany({ where: { role: "admin" }, data: { role: "user" } });
    const boss = await person("Boss");
    await getDb().user.update({ where: { id: boss.id }, data: { role: "admin" } });
    await expect(deleteAccount({ userId: boss.id, sessionId: null, password: PASSWORD, keepText: false })).rejects.toThrow(/only admin/);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: boss.id } })).deletedAt).toBeNull();
  });

  test("an account that signs in only through OAuth confirms by a recent sign-in", async () => {
    const oauth = await createUser({ email: `oauth-${randomBytes(3).toString("hex")}@example.com`, name: "Oauth" });
    const old = await startUserSession(oauth.id, 3600);
    await getDb().userSession.update({ where: { id: old }, data: { createdAt: new Date(Date.now() - 60 * 60 * 1000) } });
    await expect(deleteAccount({ userId: oauth.id, sessionId: old, keepText: false })).rejects.toThrow(/sign in again/);
    const fresh = await startUserSession(oauth.id, 3600);
    await deleteAccount({ userId: oauth.id, sessionId: fresh, keepText: false });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: oauth.id } })).deletedAt).not.toBeNull();
  });
});
