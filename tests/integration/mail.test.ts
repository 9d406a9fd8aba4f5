// Every mail Arguably sends, through a real SMTP server in this process (tests/support/smtp.ts) and the
// real job queue (graphile-worker on this file's database): what arrives, what the links do, and what
// happens when the mail server is down or refuses an address.
import { randomBytes } from "node:crypto";
import { makeWorkerUtils } from "graphile-worker";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.APP_URL = "https://arguably.test";

const { createUser } = await import("@/lib/accounts/create-user");
const passwordReset = await import("@/lib/accounts/password-reset");
const { resetPassword } = passwordReset;
// The mail job is due at once here (the server waits a second or two: lib/accounts/password-reset.ts).
const requestPasswordReset = (input: { email: string }, ip: string) => passwordReset.requestPasswordReset(input, ip, { mailAfter: new Date() });
const { confirmEmailLink, requestEmailChange } = await import("@/lib/accounts/email-address");
const { hashToken } = await import("@/lib/accounts/email-tokens");
const { scheduleDueDigests } = await import("@/lib/accounts/digests");
const { startUserSession } = await import("@/lib/accounts/user-sessions");
const { hashPassword, verifyPassword } = await import("@/lib/auth/password");
const { createResponse } = await import("@/lib/debate/post-response");
const { setFollow } = await import("@/lib/debate/follow");
const { getDb } = await import("@/lib/db/client");
const { databaseUrl } = await import("@/lib/env");
const { runDueJobs } = await import("@/lib/jobs/worker");
const { smtpMailer } = await import("@/lib/mail/mailer");
const { unsubscribe, ZUnsubscribe } = await import("@/lib/mail/unsubscribe");
const { seedDemoArticles } = await import("@/scripts/lib/seed-demo");
const { startTestSmtp } = await import("../support/smtp");
const { linkIn, rawHeader, tokenOf } = await import("../support/mail");

let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let claimId: string;
const PASSWORD = "a long and unusual passphrase 42";

beforeAll(async () => {
  smtp = await startTestSmtp();
  await seedDemoArticles();
  claimId = (await getDb().claim.findFirstOrThrow({ where: { hiddenAt: null }, select: { id: true } })).id;
});
afterAll(() => smtp.close());
beforeEach(async () => {
  // Each test starts with an empty queue and inbox (the limits test leaves mails queued).
  await runJobs();
  await smtp.waitFor(0);
  smtp.received.length = 0;
  smtp.refuse.clear();
});

const mailer = () => smtpMailer(smtp.url, "Arguably <no-reply@arguably.test>");
const runJobs = () => runDueJobs({ databaseUrl: databaseUrl()!, mailer: mailer() });
const pendingJobs = async () =>
  (await getDb().$queryRaw<{ count: number }[]>`select count(*)::int as count from graphile_worker.jobs where task_identifier = 'send_mail'`)[0].count;

async function person(label: string, { verified = true, password = false } = {}) {
  const user = await createUser({
    email: `${label}-${randomBytes(3).toString("hex")}@example.com`,
    name: label,
    passwordHash: password ? await hashPassword(PASSWORD) : null,
    emailVerified: verified ? new Date() : null,
  });
  return user;
}

function expectBothParts(mail: ParsedMail) {
  expect(mail.text).toContain("Arguably");
  expect(mail.html).toContain("Arguably");
  expect(mail.subject).toMatch(/ · Arguably$/);
}

describe("password reset", () => {
  test("mails a single-use link; only its hash is stored; using it sets the password and ends every session", async () => {
    const ada = await person("Ada", { password: true });
    const session = await startUserSession(ada.id, 3600);
    await requestPasswordReset({ email: ada.email.toUpperCase() }, "198.51.100.1");
    await runJobs();
    const [mail] = await smtp.waitFor(1);
    expect(mail.to).toMatchObject({ value: [{ address: ada.email }] });
    expect(mail.subject).toBe("Choose a new password · Arguably");
    expectBothParts(mail);
    expect(rawHeader(mail, "List-Unsubscribe")).toBeUndefined();
    const link = linkIn(mail, "/reset-password?token=");
    expect(mail.html).toContain(link.replace(/&/g, "&amp;"));
    const token = tokenOf(link);

    const stored = await getDb().emailToken.findMany({ where: { userId: ada.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(Math.abs(stored[0].expiresAt.getTime() - stored[0].createdAt.getTime() - 60 * 60 * 1000)).toBeLessThan(5_000);

    const { email } = await resetPassword({ token, password: "a fresh and different passphrase 7" });
    expect(email).toBe(ada.email);
    const after = await getDb().user.findUniqueOrThrow({ where: { id: ada.id } });
    expect(await verifyPassword(after.passwordHash, "a fresh and different passphrase 7")).toBe(true);
    expect((await getDb().userSession.findUniqueOrThrow({ where: { id: session } })).endedAt).not.toBeNull();

    await expect(resetPassword({ token, password: "yet another long passphrase 9" })).rejects.toThrow(/already been used/);
    expect(await verifyPassword((await getDb().user.findUniqueOrThrow({ where: { id: ada.id } })).passwordHash, "a fresh and different passphrase 7")).toBe(
      true,
    );
  });

  test("an address without an account gets the same answer and no mail", async () => {
    await expect(requestPasswordReset({ email: "nobody-here@example.com" }, "198.51.100.2")).resolves.toBeUndefined();
    await runJobs();
    await smtp.waitFor(1, 300);
    expect(smtp.received).toHaveLength(0);
    expect(await pendingJobs()).toBe(0);
  });

  test("expired, tampered and wrong-purpose links are refused and change nothing", async () => {
    const bea = await person("Bea", { password: true, verified: false });
    await requestPasswordReset({ email: bea.email }, "198.51.100.3");
    await runJobs();
    // Bea is unverified: her sign-up did not mail (no sendVerification), so the reset mail is the only one.
    const token = tokenOf(linkIn((await smtp.waitFor(1))[0], "/reset-password?token="));
    const tampered = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
    await expect(resetPassword({ token: tampered, password: "a fresh and different passphrase 7" })).rejects.toThrow(/not valid/);
    await expect(confirmEmailLink(token)).rejects.toThrow(/not valid/);
    await getDb().emailToken.updateMany({ where: { userId: bea.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPassword({ token, password: "a fresh and different passphrase 7" })).rejects.toThrow(/expired/);
    const unchanged = await getDb().user.findUniqueOrThrow({ where: { id: bea.id } });
    expect(await verifyPassword(unchanged.passwordHash, PASSWORD)).toBe(true);
    expect(unchanged.emailVerified).toBeNull();
  });

  test("requests are limited per address and per account, the same whether or not the account exists", async () => {
    for (const email of ["limit-real@example.com", "limit-nobody@example.com"]) {
      if (email.startsWith("limit-real")) await createUser({ email, name: "Limit" });
      const attempts = [];
      for (let i = 0; i < 4; i += 1)
        attempts.push(
          await requestPasswordReset({ email }, `203.0.113.${i + 10}`).then(
            () => "ok",
            (error: Error) => error.message,
          ),
        );
      expect(attempts.slice(0, 3)).toEqual(["ok", "ok", "ok"]);
      expect(attempts[3]).toMatch(/faster than Arguably allows/);
    }
  });
});

describe("email verification and change", () => {
  test("sign-up mails a verification link; using it confirms the address", async () => {
    const user = await createUser({ email: `new-${randomBytes(3).toString("hex")}@example.com`, name: "Newcomer", sendVerification: true });
    await runJobs();
    const [mail] = await smtp.waitFor(1);
    expect(mail.subject).toBe("Confirm your email address · Arguably");
    expectBothParts(mail);
    const confirmed = await confirmEmailLink(tokenOf(linkIn(mail, "/verify-email?token=")));
    expect(confirmed).toEqual({ purpose: "verify_email", email: user.email });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).not.toBeNull();
  });

  test("changing the email mails the new address to confirm and tells the old one", async () => {
    const cy = await person("Cy", { password: true });
    const newEmail = `cy-new-${randomBytes(3).toString("hex")}@example.com`;
    await expect(requestEmailChange({ userId: cy.id, sessionId: null, newEmail, password: "wrong password" })).rejects.toThrow(/not your current password/);
    await requestEmailChange({ userId: cy.id, sessionId: null, newEmail, password: PASSWORD });
    await runJobs();
    const mails = await smtp.waitFor(2);
    const toNew = mails.find((mail) => mail.subject?.startsWith("Confirm your new email"))!;
    const toOld = mails.find((mail) => mail.subject?.startsWith("Your email address is being changed"))!;
    expect(toNew.to).toMatchObject({ value: [{ address: newEmail }] });
    expect(toOld.to).toMatchObject({ value: [{ address: cy.email }] });
    expect(toOld.text).toContain(newEmail);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: cy.id } })).email).toBe(cy.email);
    await confirmEmailLink(tokenOf(linkIn(toNew, "/verify-email?token=")));
    expect((await getDb().user.findUniqueOrThrow({ where: { id: cy.id } })).email).toBe(newEmail);
  });
});

describe("debate mail", () => {
  test("a direct reply is mailed at once to the author who asked for that, with one-click unsubscribe", async () => {
    const dee = await person("Dee");
    const eli = await person("Eli");
    const root = await createResponse({ claimId, parentId: null, stance: "support", body: "Dee's argument about the claim.", authorId: dee.id });
    await createResponse({
      claimId,
      parentId: root.id,
      stance: "oppose",
      body: "Eli objects: the numbers say otherwise.",
      authorId: eli.id,
      mailParentAuthor: true,
    });
    await runJobs();
    const [mail] = await smtp.waitFor(1);
    expect(mail.to).toMatchObject({ value: [{ address: dee.email }] });
    expect(mail.subject).toBe("Eli opposed your response · Arguably");
    expect(mail.text).toContain("Eli objects: the numbers say otherwise.");
    expectBothParts(mail);
    expect(rawHeader(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const oneClick = /^<(https:\/\/arguably\.test\/api\/unsubscribe\?[^>]+)>$/.exec(rawHeader(mail, "List-Unsubscribe") ?? "")![1];
    const query = Object.fromEntries(new URL(oneClick).searchParams);
    // The link names Dee and the reply list; it cannot be turned to another person.
    expect(await unsubscribe(ZUnsubscribe.parse({ ...query, u: eli.id }))).toBe(false);
    expect(await unsubscribe(ZUnsubscribe.parse(query))).toBe(true);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: dee.id } })).replyMail).toBe("off");

    // Unsubscribed: the next reply is not mailed.
    await createResponse({ claimId, parentId: root.id, stance: "support", body: "Eli again, in support this time.", authorId: eli.id, mailParentAuthor: true });
    await runJobs();
    await smtp.waitFor(2, 300);
    expect(smtp.received).toHaveLength(1);
  });

  test("a digest lists new responses on what the person follows, once per period", async () => {
    const fay = await person("Fay");
    const gus = await person("Gus");
    const other = await getDb().claim.findFirstOrThrow({ where: { hiddenAt: null, id: { not: claimId } }, select: { id: true } });
    await setFollow({ userId: fay.id, claimId: other.id, follow: true });
    const before = new Date();
    await createResponse({ claimId: other.id, parentId: null, stance: "oppose", body: "Gus disagrees with the followed claim.", authorId: gus.id });
    await createResponse({ claimId, parentId: null, stance: "oppose", body: "Gus on a claim Fay does not follow.", authorId: gus.id });
    // A day after Fay signed up (the first digest comes a period after sign-up; schedules run hourly).
    const tomorrow = new Date(before.getTime() + 23.75 * 60 * 60 * 1000);
    expect(await scheduleDueDigests(tomorrow)).toBeGreaterThanOrEqual(1);
    expect(await scheduleDueDigests(tomorrow)).toBe(0);
    await runJobs();
    const mails = await smtp.waitFor(1);
    const digest = mails.find((mail) => (mail.to as { value: { address: string }[] }).value[0].address === fay.email)!;
    expect(digest.subject).toBe("1 new response on what you follow · Arguably");
    expect(digest.text).toContain("Gus disagrees with the followed claim.");
    expect(digest.text).not.toContain("a claim Fay does not follow");
    expect(rawHeader(digest, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(rawHeader(digest, "List-Unsubscribe")).toMatch(/^<https:\/\/arguably\.test\/api\/unsubscribe\?u=.+&l=digest&s=.+>$/);
  });
});

describe("a mail server that is down, or refuses", () => {
  test("queued mail waits for the server to come back: nothing lost, nothing sent twice", async () => {
    const hal = await person("Hal", { password: true });
    await smtp.stop();
    await requestPasswordReset({ email: hal.email }, "198.51.100.9");
    await runJobs();
    const [job] = await getDb().$queryRaw<
      { id: string; attempts: number; last_error: string | null }[]
    >`select id::text, attempts, last_error from graphile_worker.jobs where task_identifier = 'send_mail'`;
    expect(job.attempts).toBe(1);
    expect(job.last_error).toMatch(/ECONNREFUSED|connect/i);
    // The failed attempt's link was withdrawn: no usable token exists without a mail that carries it.
    expect(await getDb().emailToken.count({ where: { userId: hal.id } })).toBe(0);

    await smtp.restart();
    const utils = await makeWorkerUtils({ connectionString: databaseUrl()! });
    await utils.rescheduleJobs([job.id], { runAt: new Date() });
    await utils.release();
    await runJobs();
    await runJobs();
    const mails = await smtp.waitFor(1);
    await smtp.waitFor(2, 300);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toMatchObject({ value: [{ address: hal.email }] });
    expect(await pendingJobs()).toBe(0);
    expect(await getDb().emailToken.count({ where: { userId: hal.id } })).toBe(1);
  });

  test("an address the server refuses for good is marked and not retried", async () => {
    const ivy = await person("Ivy", { password: true });
    smtp.refuse.add(ivy.email);
    await requestPasswordReset({ email: ivy.email }, "198.51.100.10");
    await runJobs();
    expect(await pendingJobs()).toBe(0);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: ivy.id } })).mailUndeliverableAt).not.toBeNull();
    expect(smtp.received).toHaveLength(0);
  });
});
