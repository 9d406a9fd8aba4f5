import { describe, expect, test } from "vitest";
import { chromiumPath, openClaimPage, setUpBrowser, signUp, uniqueEmail, chooseInMenu, postArgument } from "../support/browser";
import { appSql } from "../support/app-database";

const newPage = setUpBrowser();
const PASSWORD = "correct horse battery";
const NATO_SLUG = "/articles/time-to-start-thinking-about-walking-away-from-nato-invite-to-ukraine";

async function person(name: string) {
  const page = await newPage();
  const email = uniqueEmail(name.toLowerCase());
  await signUp(page, { name, email, password: PASSWORD });
  await page.getByTestId("signed-in-user").waitFor();
  return { page, email };
}

describe.skipIf(!chromiumPath)("moderation", () => {
  test("three reports hide a response, a moderator restores it from the queue, the log shows both; a silenced user sees why", async () => {
    const ann = await person("Author");
    await ann.page.goto(NATO_SLUG);
    await openClaimPage(ann.page, 2);
    const claimUrl = ann.page.url();
    const text = "An argument that some readers will report as spam.";
    await postArgument(ann.page, "support", text);
    const annsResponse = ann.page.getByTestId("response").filter({ hasText: text });
    await annsResponse.waitFor();

    const reporters = [];
    for (const name of ["Rita", "Rolf", "Ruth"]) {
      const reporter = await person(name);
      await reporter.page.goto(claimUrl);
      const item = reporter.page.getByTestId("response").filter({ hasText: text });
      await chooseInMenu(reporter.page, item.getByRole("button", { name: /^More actions for/ }), "Report");
      await item.getByLabel("Spam").check();
      await item.getByRole("button", { name: "Send report" }).click();
      // Page-wide: the third report hides the response, whose text then no longer shows to reporters.
      await reporter.page.getByText("Reported. Thank you.").waitFor();
      reporters.push(reporter);
    }
    // For readers, a placeholder in its place and none of its text; its author still sees it, with the rule.
    await reporters[0].page.reload();
    await reporters[0].page.getByRole("heading", { name: /^Supporting/ }).waitFor();
    expect(await reporters[0].page.getByTestId("response").filter({ hasText: text }).count()).toBe(0);
    await reporters[0].page.getByTestId("response-placeholder").filter({ hasText: "A response here is hidden while moderators review it." }).waitFor();
    await ann.page.reload();
    await annsResponse.getByText("Hidden pending a moderator's review").waitFor();

    const moderator = await person("Mona");
    await appSql(`update "User" set role = 'moderator' where email = $1`, [moderator.email]);
    await moderator.page.goto("/moderation");
    const queued = moderator.page.getByTestId("queue-item").filter({ hasText: text });
    await expect(queued.innerText()).resolves.toMatch(/hidden pending review/i);
    await expect(queued.innerText()).resolves.toMatch(/Spam from (Rita|Rolf|Ruth)/);
    await queued.getByLabel(/^Note for the author/).fill("Not spam: an on-topic argument");
    await queued.getByRole("button", { name: "Restore" }).click();
    await moderator.page.waitForFunction(
      (wanted) => ![...document.querySelectorAll('[data-testid="queue-item"]')].some((item) => item.textContent?.includes(wanted)),
      text,
    );

    await reporters[0].page.reload();
    await reporters[0].page.getByTestId("response-body").filter({ hasText: text }).waitFor();

    await moderator.page.goto("/moderation/log");
    const log = await moderator.page.getByTestId("log-entry").allInnerTexts();
    expect(log[0]).toMatch(/^Mona restored a response\s+Not spam: an on-topic argument/);
    expect(log[1]).toMatch(/^Automatic hid a response under Spam\s+Hidden automatically after several reports, pending review\./);
    // The public sees the log, without moderators' names.
    await reporters[1].page.goto("/moderation/log");
    await expect(reporters[1].page.getByTestId("log-entry").first().innerText()).resolves.toMatch(/^A moderator restored a response/);

    await reporters[0].page.goto("/reports");
    await expect(reporters[0].page.getByTestId("my-report").first().innerText()).resolves.toContain("Dismissed");

    await appSql(`update "User" set "silencedUntil" = now() + interval '3 days', "silenceReason" = 'Repeated insults' where email = $1`, [reporters[2].email]);
    await reporters[2].page.goto(claimUrl);
    await reporters[2].page.getByText(/You are silenced until .*: Repeated insults\. You can still read, vote and report\./).waitFor();
    expect(await reporters[2].page.getByRole("button", { name: "Support this claim" }).count()).toBe(0);
  });

  test("a moderator's own reported response is marked 'about you' in their queue, with nothing to decide; another moderator decides", async () => {
    const mod = await person("Moira");
    await appSql(`update "User" set role = 'moderator' where email = $1`, [mod.email]);
    await mod.page.goto(NATO_SLUG);
    await openClaimPage(mod.page, 3);
    const claimUrl = mod.page.url();
    const text = "A moderator's own argument, which a reader reports.";
    await postArgument(mod.page, "oppose", text);
    await mod.page.getByTestId("response").filter({ hasText: text }).waitFor();

    const reader = await person("Reese");
    await reader.page.goto(claimUrl);
    const item = reader.page.getByTestId("response").filter({ hasText: text });
    await chooseInMenu(reader.page, item.getByRole("button", { name: /^More actions for/ }), "Report");
    await item.getByLabel("Spam").check();
    await item.getByRole("button", { name: "Send report" }).click();
    await reader.page.getByText("Reported. Thank you.").waitFor();

    await mod.page.goto("/moderation");
    const own = mod.page.getByTestId("queue-item").filter({ hasText: text });
    await expect(own.getByTestId("about-you").innerText()).resolves.toBe("About you — another moderator must decide.");
    for (const name of ["Dismiss reports", "Hide", "Remove"]) expect(await own.getByRole("button", { name }).count()).toBe(0);

    const other = await person("Otto");
    await appSql(`update "User" set role = 'moderator' where email = $1`, [other.email]);
    await other.page.goto("/moderation");
    const theirs = other.page.getByTestId("queue-item").filter({ hasText: text });
    expect(await theirs.getByTestId("about-you").count()).toBe(0);
    await theirs.getByLabel(/^Rule \(/).selectOption({ label: "Spam" });
    await theirs.getByLabel(/^Note for the author/).fill("An argument, not spam");
    await theirs.getByRole("button", { name: "Dismiss reports" }).click();
    await other.page.waitForFunction(
      (wanted) => ![...document.querySelectorAll('[data-testid="queue-item"]')].some((queued) => queued.textContent?.includes(wanted)),
      text,
    );
  });
});
