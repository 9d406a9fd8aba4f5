// Readers bring the articles (issue 32): a submission by address or paste, imported by the background
// job from a real HTTP server on this machine (named in FETCH_ALLOW_HOSTS, the one setting that admits
// a private host), one article per original, the editor's review, and every refusal with nothing stored.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startLocalSite } from "../support/local-site";

const page = (title: string, canonical: string, sentence: string) => `<!doctype html><html><head><title>${title}</title>
<link rel="canonical" href="${canonical}"></head><body><nav>Home | World | Sign in</nav><article><h1>${title}</h1><p>By Ines Moreau</p>
<p>${sentence}</p>
<p>Councils that cut the service to save money pay for it twice, in emergency rooms and in lost shifts, and they should say so plainly.</p>
<p>Subscribe to our newsletter for more.</p></article></body></html>`;

const site = await startLocalSite((request, response, here) => {
  const url = new URL(request.url ?? "/", "http://x");
  if (url.pathname === "/op-ed") {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(
      page(
        "Night buses keep a city working",
        `${here}/op-ed`,
        "The city should run night buses every half hour, because the people who ride them keep it running.",
      ),
    );
  } else if (url.pathname === "/moved") {
    response.writeHead(302, { Location: "/op-ed?utm_source=newsletter" });
    response.end();
  } else if (url.pathname === "/to-private") {
    response.writeHead(302, { Location: "http://127.0.0.1:9/internal" });
    response.end();
  } else if (url.pathname === "/image") {
    response.writeHead(200, { "Content-Type": "image/png" });
    response.end("png");
  } else {
    response.writeHead(404, { "Content-Type": "text/plain" });
    response.end("not here");
  }
});
const base = site.base;

const { createUser } = await import("@/lib/accounts/create-user");
const { getSessionUserById } = await import("@/lib/accounts/users");
const { getDb } = await import("@/lib/db/client");
const { publishArticle } = await import("@/lib/articles/publish-article");
const { updateSetting } = await import("@/lib/platform/settings");
const { submitArticle } = await import("@/lib/submissions/submit-article");
const { importSubmission } = await import("@/lib/submissions/import-submission");
const { declineSubmission } = await import("@/lib/submissions/decline-submission");
const { raiseSubmittedSelections } = await import("@/lib/submissions/raise-selection");
const { sendMailJob } = await import("@/lib/mail/send-mail");
const { outboxMailer } = await import("@/lib/mail/mailer");
type Person = NonNullable<Awaited<ReturnType<typeof getSessionUserById>>>;

/**
 * The mail queued about a submission, sent as the worker would, through the outbox mailer `npm start`
 * uses without SMTP_URL (an .eml file), and read back with mailparser as a mail client would.
 */
async function mailAbout(submissionId: string) {
  const jobs = await getDb().$queryRaw<{ payload: { kind: string; submissionId?: string } }[]>`
    SELECT payload FROM graphile_worker._private_jobs`;
  expect(jobs.map((job) => job.payload)).toContainEqual({ kind: "submission_decided", submissionId });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "arguably-submission-mail-"));
  try {
    await sendMailJob(
      { kind: "submission_decided", submissionId },
      outboxMailer(dir, "Arguably <no-reply@arguably.test>", () => undefined),
    );
    const [file] = await fs.readdir(dir);
    const mail = await simpleParser(await fs.readFile(path.join(dir, file)));
    return { to: (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address, subject: mail.subject, text: mail.text ?? "" };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const people: Record<string, Person> = {};
async function person(name: string, role: "user" | "editor" | "admin" = "user") {
  const user = await createUser({ email: `${name}@example.com`, name, emailVerified: new Date() });
  await getDb().user.update({ where: { id: user.id }, data: { role } });
  people[name] = (await getSessionUserById(user.id))!;
}

/** Submits and runs the background job, as the worker would; answers the submission as stored. */
async function submitAndImport(who: Person, input: { url: string; text?: string | null; selection?: string | null }, ip = "198.51.100.1") {
  const outcome = await submitArticle(who, input, ip);
  if (outcome.kind !== "queued") return { outcome, submission: null };
  await importSubmission(outcome.submissionId);
  return { outcome, submission: await getDb().submission.findUniqueOrThrow({ where: { id: outcome.submissionId } }) };
}

beforeAll(async () => {
  await person("root", "admin");
  await person("ada");
  await person("ben");
  await person("eve", "editor");
});

afterAll(site.close);

describe("a reader's submission", () => {
  test("by address, through a redirect: a draft marked as theirs; an editor publishes it; their selected words become its first claim", async () => {
    const { submission } = await submitAndImport(people.ada, {
      url: `${base}/moved?fbclid=abc`,
      selection: "The city should run night buses every half hour",
    });
    expect(submission).toMatchObject({ state: "waiting", progress: null, reason: null });
    const draft = await getDb().article.findUniqueOrThrow({ where: { id: submission!.articleId! } });
    expect(draft).toMatchObject({ status: "draft", title: "Night buses keep a city working", canonicalUrl: `${base}/op-ed`, importedById: people.ada.id });
    expect(draft.body).not.toMatch(/Subscribe|Sign in/);

    await publishArticle(people.eve, { articleId: draft.id });
    const [claimId] = await raiseSubmittedSelections(draft.id);
    // She is told by mail (the job the publish queued, sent here through the outbox mailer).
    expect(await mailAbout(submission!.id)).toMatchObject({ to: "ada@example.com", subject: "Published: Night buses keep a city working · Arguably" });
    expect(await getDb().submission.findUniqueOrThrow({ where: { id: submission!.id }, select: { state: true } })).toEqual({ state: "published" });
    // The words open the debate on them: the claim finder's, here, since it marked that sentence too (else hers).
    const claim = await getDb().claim.findUniqueOrThrow({ where: { id: claimId }, select: { exact: true, origin: true, raisedById: true } });
    expect(claim.exact).toContain("The city should run night buses every half hour");
    expect(claim.origin === "pipeline" || claim.raisedById === people.ada.id).toBe(true);
  });

  test("the same article again, by another reader and another address, opens the one already here and stores nothing", async () => {
    const before = await getDb().submission.count();
    const outcome = await submitArticle(people.ben, { url: `${base}/op-ed?utm_campaign=share#comments` }, "198.51.100.2");
    expect(outcome).toEqual({ kind: "already_here", article: { slug: expect.any(String), title: "Night buses keep a city working" } });
    expect(await getDb().submission.count()).toBe(before);
    // Pasted with an address nobody used, the same text is still the same article.
    const pasted = await submitAndImport(people.ben, {
      url: "https://elsewhere.example/reprint/night-buses",
      text: "Night buses keep a city working\nBy Ines Moreau\nThe city should run night buses every half hour, because the people who ride them keep it running.\nCouncils that cut the service to save money pay for it twice, in emergency rooms and in lost shifts, and they should say so plainly.",
    });
    expect(pasted.submission).toMatchObject({ state: "duplicate" });
    expect(await getDb().article.count({ where: { title: "Night buses keep a city working" } })).toBe(1);
  });

  test("refusals say why and store nothing: silenced, over the limit; a private address or not an article fails with its reason", async () => {
    await getDb().user.update({ where: { id: people.ben.id }, data: { silencedUntil: new Date(Date.now() + 86_400_000), silenceReason: "Cooling off" } });
    const silenced = (await getSessionUserById(people.ben.id))!;
    const before = await getDb().submission.count();
    await expect(submitArticle(silenced, { url: `${base}/other` }, "198.51.100.3")).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining("You are silenced"),
    });
    await getDb().user.update({ where: { id: people.ben.id }, data: { silencedUntil: null, silenceReason: null } });

    for (const [path, reason] of [
      ["/to-private", "Refusing to fetch 127.0.0.1: it points to a private or local address."],
      ["/image", "Not a web page (image/png)."],
    ]) {
      const { submission } = await submitAndImport(people.ben, { url: `${base}${path}` }, "198.51.100.3");
      expect(submission, path).toMatchObject({ state: "failed", reason, articleId: null });
    }
    const outside = await submitAndImport(people.ben, { url: "http://10.1.2.3/intranet" }, "198.51.100.3");
    expect(outside.submission).toMatchObject({ state: "failed", reason: expect.stringContaining("private or local address") });

    await updateSetting({ admin: people.root, key: "submissionsPerDay", value: 3 });
    try {
      await expect(submitArticle(people.ben, { url: `${base}/another` }, "198.51.100.3")).rejects.toMatchObject({ status: 429 });
    } finally {
      await updateSetting({ admin: people.root, key: "submissionsPerDay", value: 5 });
    }
    // Three failed, none stored as an article; the refused ones were never stored at all.
    expect(await getDb().submission.count()).toBe(before + 3);
  });

  test("an editor declines a submission with a reason the reader sees; the draft goes", async () => {
    await getDb().rateLimitCounter.deleteMany({ where: { key: { startsWith: "submit:" } } });
    const { submission } = await submitAndImport(people.ada, {
      url: "https://example.org/letters/park",
      text: "Parks should close at dusk\nBy A Reader\nParks should close at dusk, because nobody can keep them safe at night without lights.\nLights cost more than the council admits, and it should publish the figures.",
    });
    expect(submission).toMatchObject({ state: "waiting" });
    await expect(declineSubmission(people.ada, { articleId: submission!.articleId!, reason: "Not mine to decline" })).rejects.toMatchObject({ status: 403 });
    await declineSubmission(people.eve, { articleId: submission!.articleId!, reason: "A reader's letter, not an article." });
    expect(await getDb().submission.findUniqueOrThrow({ where: { id: submission!.id } })).toMatchObject({
      state: "declined",
      reason: "A reader's letter, not an article.",
      articleId: null,
    });
    const mail = await mailAbout(submission!.id);
    expect(mail).toMatchObject({ to: "ada@example.com", subject: "An editor declined the article you submitted · Arguably" });
    expect(mail.text).toContain("Their reason: “A reader's letter, not an article.”");
    expect(await getDb().article.count({ where: { title: "Parks should close at dusk" } })).toBe(0);
  });

  test("when admins let everyone publish without review, the submission goes live at once", async () => {
    await updateSetting({ admin: people.root, key: "submissionsPublish", value: 2 });
    try {
      const { submission } = await submitAndImport(people.ben, {
        url: "https://example.org/opinion/libraries",
        text: "Libraries should open on Sundays\nBy Kim Lee\nLibraries should open on Sundays, because that is when working families are free.\nThe cost is small next to what the town spends on parking.",
      });
      expect(submission).toMatchObject({ state: "published" });
      expect(await getDb().article.findUniqueOrThrow({ where: { id: submission!.articleId! }, select: { status: true } })).toEqual({ status: "published" });
    } finally {
      await updateSetting({ admin: people.root, key: "submissionsPublish", value: 0 });
    }
  });

  test("'trusted readers' means a confirmed account 30 days old, unsanctioned, with 3 published submissions and no removed response", async () => {
    const { isTrustedSubmitter, publishesWithoutReview } = await import("@/lib/submissions/trust");
    await person("tess");
    const tess = people.tess;
    const db = getDb();
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    await db.user.update({ where: { id: tess.id }, data: { createdAt: daysAgo(31) } });
    const published = (count: number) =>
      Promise.all(
        Array.from({ length: count }, (_, i) =>
          db.submission.create({ data: { submitterId: tess.id, url: `https://example.org/tess/${Date.now()}-${i}`, state: "published" } }),
        ),
      );
    await published(2);
    expect(await isTrustedSubmitter(db, tess.id, now)).toBe(false); // two published, not three
    await published(1);
    expect(await isTrustedSubmitter(db, tess.id, now)).toBe(true);

    await db.user.update({ where: { id: tess.id }, data: { createdAt: daysAgo(29) } });
    expect(await isTrustedSubmitter(db, tess.id, now)).toBe(false); // too new
    await db.user.update({ where: { id: tess.id }, data: { createdAt: daysAgo(31), silencedUntil: new Date(now.getTime() + 86_400_000) } });
    expect(await isTrustedSubmitter(db, tess.id, now)).toBe(false); // silenced now
    await db.user.update({ where: { id: tess.id }, data: { silencedUntil: daysAgo(1) } });
    expect(await isTrustedSubmitter(db, tess.id, now)).toBe(true); // the silence is over
    const article = await db.article.create({
      data: { slug: "tess-trust", title: "Trust", body: "Some words to anchor to.", blocks: [], sourceHash: "tess-trust", status: "published" },
    });
    const claim = await db.claim.create({ data: { articleId: article.id, start: 0, end: 4, exact: "Some", prefix: "", suffix: "", text: "Some" } });
    const response = await db.response.create({ data: { claimId: claim.id, authorId: tess.id, stance: "oppose", body: "An argument a moderator removed." } });
    await db.response.update({ where: { id: response.id }, data: { removedAt: now } });
    expect(await isTrustedSubmitter(db, tess.id, now)).toBe(false); // a response removed by a moderator
    await db.response.update({ where: { id: response.id }, data: { removedAt: null } });

    // The admins' setting decides whether that trust counts.
    expect(await publishesWithoutReview(db, tess.id)).toBe(false);
    await updateSetting({ admin: people.root, key: "submissionsPublish", value: 1 });
    try {
      expect(await publishesWithoutReview(db, tess.id)).toBe(true);
      expect(await publishesWithoutReview(db, people.ben.id)).toBe(false);
    } finally {
      await updateSetting({ admin: people.root, key: "submissionsPublish", value: 0 });
    }
  });
});
