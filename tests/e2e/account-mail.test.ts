// Accounts people can keep, in Chromium against the production server, whose mail goes to its .eml
// outbox as it does after `npm start` (tests/support/outbox.ts): forgot password → mail → new password
// → signed in; verification; the data download; deleting an account.
import fs from "node:fs/promises";
import type { ParsedMail } from "mailparser";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import { alertText, appUrl, chromiumPath, setUpBrowser, signInAs, signUp, uniqueEmail } from "../support/browser";
import { appSql, createArticleWithClaim } from "../support/app-database";
import { createAccount, HttpClient, signedIn } from "../support/http";
import { linkIn, rawHeader } from "../support/mail";
import { waitForMail } from "../support/outbox";

const newPage = setUpBrowser();

/** The mailed link to `pathname`, which must point at this server. */
function linkTo(mail: ParsedMail, pathname: string) {
  const link = linkIn(mail, `${pathname}?token=`);
  expect(new URL(link).origin).toBe(appUrl);
  return link;
}

async function signsIn(email: string, password: string) {
  const client = new HttpClient(appUrl);
  await client.signIn(email, password);
  return client.cookieHeader.includes("session-token");
}

/** A debate of its own (an article whose one claim opens it) with one response by `authorId`; returns the claim's id. */
async function debateWithResponse(
  name: string,
  { authorId, claim, body, stance }: { authorId: string; claim: string; body: string; stance: "support" | "oppose" },
) {
  const claimId = await createArticleWithClaim({ id: `${name}-article`, title: name, body: `${claim} More follows.`, claim });
  await appSql(`insert into "Response" (id, "claimId", stance, "authorId", body) values ($1, $2, $3::"Stance", $4, $5)`, [
    `${name}-response`,
    claimId,
    stance,
    authorId,
    body,
  ]);
  return claimId;
}

/** Fills the settings page's deletion form (already open) and submits it. */
async function submitDeletion(page: Page, password: string) {
  await page.getByLabel("Your password").fill(password);
  await page.getByLabel("Type “delete my account” to confirm").fill("delete my account");
  await page.getByRole("button", { name: "Delete my account" }).click();
}

afterAll(async () => {
  if (chromiumPath) await appSql(`delete from "Setting" where key = 'unverifiedMayPost'`);
});

describe.skipIf(!chromiumPath)("accounts people can keep", () => {
  test("forgot password → mail → new password → signed in; the link works once", async () => {
    const account = await createAccount("forgetful");
    const page = await newPage();
    await page.goto("/signin");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await page.waitForURL(`${appUrl}/forgot-password`);
    await page.getByLabel("Email").fill(account.email);
    await page.getByRole("button", { name: "Mail me a link" }).click();
    await expect(page.getByRole("status").filter({ hasText: "a link to choose a new password is on its way" }).innerText()).resolves.toContain(account.email);

    const mail = await waitForMail(account.email, "Choose a new password");
    expect(mail.html).toContain("Choose a new password");
    const link = linkTo(mail, "/reset-password");
    await page.goto(link);
    await page.getByLabel("New password").fill("a brand new passphrase for forgetful");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await page.waitForURL(`${appUrl}/settings?password=reset`);
    await page.getByText("Your new password is set").waitFor();
    await expect(page.getByTestId("signed-in-user").innerText()).resolves.toContain("forgetful");

    expect(await signsIn(account.email, account.password)).toBe(false);
    expect(await signsIn(account.email, "a brand new passphrase for forgetful")).toBe(true);
    await page.goto(link);
    await expect(page.getByTestId("bad-link").innerText()).resolves.toContain("already been used");
  });

  test("asking for an address without an account looks exactly the same", async () => {
    const page = await newPage();
    const nobody = uniqueEmail("nobody");
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(nobody);
    await page.getByRole("button", { name: "Mail me a link" }).click();
    await expect(page.getByRole("status").filter({ hasText: "a link to choose a new password is on its way" }).innerText()).resolves.toContain(nobody);
  });

  test("asking answers the same, in the same time, whether or not the address has an account (medians, side by side)", async () => {
    await appSql(`delete from "RateLimitCounter" where key like 'password-reset:%'`);
    const accounts = await Promise.all([1, 2, 3, 4].map((n) => createAccount(`timed-reset-${n}`)));
    const client = new HttpClient(appUrl);
    const ask = async (email: string) => {
      const started = performance.now();
      const answer = await client.action({ file: "app/forgot-password/actions.ts", name: "forgotPasswordAction", page: "/forgot-password" }, { email });
      return { answer, ms: performance.now() - started };
    };
    const known: number[] = [];
    const missing: number[] = [];
    // Interleaved, in turn first and second, so load on the machine affects both alike; the limits are
    // cleared each round so every ask is answered in full.
    for (let round = 0; round < 8; round++) {
      await appSql(`delete from "RateLimitCounter" where key like 'password-reset:%'`);
      const email = accounts[round % accounts.length].email;
      const [existing, nobody] =
        round % 2 === 0
          ? [await ask(email), await ask(uniqueEmail("timed-nobody"))]
          : await ask(uniqueEmail("timed-nobody")).then(async (first) => [await ask(email), first] as const);
      expect(nobody.answer).toEqual(existing.answer);
      known.push(existing.ms);
      missing.push(nobody.ms);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log(`reset request timing: unknown ${median(missing).toFixed(1)} ms, existing ${median(known).toFixed(1)} ms`);
    expect(median(missing) / median(known)).toBeGreaterThan(0.6);
    expect(median(missing) / median(known)).toBeLessThan(1.7);
    await appSql(`delete from "RateLimitCounter" where key like 'password-reset:%'`);
  });

  test("a new account confirms its address from the mailed link; until then an admin may keep it from posting", async () => {
    const page = await newPage();
    const email = uniqueEmail("newcomer");
    // The admin's limits page takes 0 or 1 for this setting, nothing else.
    const admin = await signedIn(appUrl, await createAccount("verification-admin", { role: "admin" }));
    const setting = (value: number) =>
      admin.action({ file: "app/admin/actions.ts", name: "updateSettingAction", page: "/admin" }, { key: "unverifiedMayPost", value });
    expect(await setting(2)).toMatchObject({ ok: false, status: 400, error: "Use a number from 0 to 1." });
    expect(await setting(0)).toMatchObject({ ok: true });
    await signUp(page, { name: "Newcomer", email, password: "a long passphrase for newcomer" });
    await page.getByTestId("signed-in-user").waitFor();
    const before = await (await page.request.get("/api/viewer")).json();
    expect(before).toMatchObject({ canPost: false, blockedReason: expect.stringContaining("Confirm your email address to post") });
    await page.goto("/settings");
    await expect(page.getByTestId("email-status").innerText()).resolves.toBe("(not confirmed yet)");

    const mail = await waitForMail(email, "Confirm your email address");
    await page.goto(linkTo(mail, "/verify-email"));
    await page.getByRole("button", { name: "Confirm this address" }).click();
    await expect(page.getByRole("status").filter({ hasText: "is confirmed" }).innerText()).resolves.toContain(email);
    expect(await (await page.request.get("/api/viewer")).json()).toMatchObject({ canPost: true, blockedReason: null });
    await page.goto("/settings");
    await expect(page.getByTestId("email-status").innerText()).resolves.toBe("(confirmed)");

    // A used or altered link changes nothing and says why.
    await page.goto(linkTo(mail, "/verify-email"));
    await expect(page.getByTestId("bad-link").innerText()).resolves.toContain("already been used");
    await page.goto("/verify-email?token=not-a-token-at-all-xxxxxxxxxxxx");
    await expect(page.getByTestId("bad-link").innerText()).resolves.toContain("not valid");
    expect(await setting(1)).toMatchObject({ ok: true });
  });

  test("download my data gives one JSON file of the person's own things", async () => {
    const account = await createAccount("archivist");
    const claimId = await debateWithResponse("archive", {
      authorId: account.id,
      claim: "Archives keep what people said.",
      body: "Archivist says so.",
      stance: "support",
    });
    await appSql(`insert into "ClaimVote" ("claimId", "userId", value) values ($1, $2, 'agree')`, [claimId, account.id]);
    const page = await newPage();
    await signInAs(page, account);
    await page.goto("/settings");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data" }).click()]);
    expect(download.suggestedFilename()).toBe("arguably-my-data.json");
    const data = JSON.parse(await fs.readFile((await download.path())!, "utf8"));
    expect(data.account).toMatchObject({ id: account.id, email: account.email });
    expect(data.responses).toMatchObject([{ id: "archive-response", body: "Archivist says so." }]);
    expect(data.claimVotes).toMatchObject([{ claimId, value: "agree" }]);
    // Nobody else's: without a session the address answers 401 and no data.
    const anonymous = await new HttpClient(appUrl).fetch("/settings/data");
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain(account.email);
  });

  test("deleting an account leaves its responses in their debates as [deleted account]", async () => {
    const account = await createAccount("leaver");
    const claimId = await debateWithResponse("leaving", { authorId: account.id, claim: "People leave sites.", body: "Some stay for years.", stance: "oppose" });
    const page = await newPage();
    await page.goto(`/claims/${claimId}`);
    await expect(page.getByTestId("claim-discussion").innerText()).resolves.toContain("leaver");

    await signInAs(page, account);
    await page.goto("/settings#delete");
    await page.getByLabel("Leave the text of my responses").check();
    await submitDeletion(page, account.password);
    await page.getByText("Your account is deleted.").waitFor();

    await page.goto(`/claims/${claimId}`);
    const discussion = await page.getByTestId("claim-discussion").innerText();
    expect(discussion).toContain("Some stay for years.");
    expect(discussion).toContain("[deleted account]");
    expect(discussion).not.toContain("leaver");
    expect(await page.getByTestId("signed-in-user").count()).toBe(0);
    expect(await signsIn(account.email, account.password)).toBe(false);
  });

  test("the deletion form says what goes and what stays, and deletion does exactly that", async () => {
    const account = await createAccount("quitter");
    const other = await createAccount("answerer");
    const claimId = await debateWithResponse("quitting", {
      authorId: account.id,
      claim: "People quit sites.",
      body: "Answered words of the quitter.",
      stance: "oppose",
    });
    await appSql(
      `insert into "Response" (id, "claimId", stance, "authorId", body) values ('quitting-lonely', $1, 'support', $2, 'Unanswered words of the quitter.')`,
      [claimId, account.id],
    );
    await appSql(
      `insert into "Response" (id, "claimId", "parentId", stance, "authorId", body) values ('quitting-reply', $1, 'quitting-response', 'oppose', $2, 'A reply that must still read.')`,
      [claimId, other.id],
    );

    const page = await newPage();
    await signInAs(page, account);
    await page.goto("/settings#delete");
    const promise = await page.getByRole("form", { name: "Delete account" }).innerText();
    expect(promise).toContain("A response nobody answered is removed");
    expect(promise).toContain("one that others answered stays in its place as “[deleted]”");
    await submitDeletion(page, account.password);
    await page.getByText("Your account is deleted.").waitFor();

    await page.goto(`/claims/${claimId}`);
    const discussion = await page.getByTestId("claim-discussion").innerText();
    expect(discussion).toContain("A reply that must still read.");
    expect(discussion).toContain("[deleted]");
    expect(discussion).not.toContain("words of the quitter");
    expect(discussion).not.toContain("quitter");
  });

  test("a reply is mailed by the server's worker; the mail's one-click unsubscribe works without signing in", async () => {
    const author = await createAccount("replied-to");
    await appSql(`update "User" set "emailVerified" = now() where id = $1`, [author.id]);
    const claimId = await debateWithResponse("reply-mail", {
      authorId: author.id,
      claim: "Mail brings people back.",
      body: "It does, often.",
      stance: "support",
    });
    const replierAccount = await createAccount("replier");
    // Confirmed, so an admin setting left by another test cannot keep them from posting.
    await appSql(`update "User" set "emailVerified" = now() where id = $1`, [replierAccount.id]);
    const replier = await signedIn(appUrl, replierAccount);
    const { result: posted } = await replier.postResponse(claimId, {
      parentId: "reply-mail-response",
      stance: "oppose",
      body: "Only when the mail is worth reading.",
    });
    expect(posted).toMatchObject({ ok: true });

    const mail = await waitForMail(author.email, "replier opposed your response");
    expect(mail.text).toContain("Only when the mail is worth reading.");
    const oneClick = /^<(.+)>$/.exec(rawHeader(mail, "List-Unsubscribe") ?? "")![1];
    expect(new URL(oneClick).pathname).toBe("/api/unsubscribe");
    // A mail client's one-click POST: no cookie, no Origin, the RFC 8058 body.
    const tampered = await fetch(oneClick.replace(/s=[^&]+/, "s=forged"), { method: "POST", body: "List-Unsubscribe=One-Click" });
    expect(tampered.status).toBe(400);
    const [unchanged] = await appSql<{ replyMail: string }>(`select "replyMail" from "User" where id = $1`, [author.id]);
    expect(unchanged.replyMail).toBe("immediate");
    const answer = await fetch(oneClick, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(answer.status).toBe(200);
    const [after] = await appSql<{ replyMail: string }>(`select "replyMail" from "User" where id = $1`, [author.id]);
    expect(after.replyMail).toBe("off");

    // The link in the mail's text opens a page that asks first.
    const page = await newPage();
    await page.goto(/https?:\/\/\S+\/unsubscribe\?\S+/.exec(mail.text ?? "")![0]);
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await page.getByText("You will not get mail about replies to your responses any more.").waitFor();
  });

  test("a wrong password deletes nothing and says so", async () => {
    const account = await createAccount("stayer");
    const page = await newPage();
    await signInAs(page, account);
    await page.goto("/settings#delete");
    await submitDeletion(page, "not my password");
    await expect(alertText(page, "That is not your current password.")).resolves.toContain("not your current password");
    const [row] = await appSql<{ deletedAt: Date | null }>(`select "deletedAt" from "User" where id = $1`, [account.id]);
    expect(row.deletedAt).toBeNull();
  });
});
