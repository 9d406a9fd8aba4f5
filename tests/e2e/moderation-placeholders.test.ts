// Issue 31: where a response was hidden or removed, everyone who may not read it meets a placeholder
// that says so, names the rule and links to the public log; its author and moderators see it with the
// rule and the note; the same on reload as live; the API and exports hold a tombstone; an action that
// cites no rule is refused and stores nothing.
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { appUrl, chooseInMenu, chromiumPath, DESKTOP, pageAs, PHONE, setUpBrowser } from "../support/browser";
import { appSql, createArticleWithClaim } from "../support/app-database";
import { createAccount, postResponseAs, signedIn } from "../support/http";

const newPage = setUpBrowser();

const ARGUMENT = "Libraries are the last indoor place you can sit without buying anything, and that is why they matter.";
const REPLY = "A reply below the argument, which folds with it.";
const PLACEHOLDER_HIDDEN = "A response here is hidden while moderators review it.";
const PLACEHOLDER_REMOVED = "Removed by a moderator: Harassment.";

const placeholder = (page: Page) => page.getByTestId("response-placeholder");

/** What a page shows of the argument: its placeholder's words, or whether its text is there. */
async function seenOn(page: Page) {
  return page.evaluate((argument) => {
    const placeholder = document.querySelector('[data-testid="response-placeholder"]');
    return { placeholder: placeholder?.textContent ?? null, text: document.body.innerText.includes(argument) };
  }, ARGUMENT);
}

describe.skipIf(!chromiumPath)("placeholders where moderated responses were", () => {
  test("a reader, another reader, the author and a moderator each see the right thing, hidden then removed, live and on reload; the log names the rule", async () => {
    const claimId = await createArticleWithClaim({
      id: "placeholder-article",
      title: "Why libraries matter",
      body: "Libraries should open on Sundays. Town halls rarely say why they close them.",
      claim: "Libraries should open on Sundays.",
    });
    const claimUrl = `/claims/${claimId}`;
    const [author, other, moderatorAccount] = await Promise.all([
      createAccount("placeholder-author"),
      createAccount("placeholder-reader"),
      createAccount("placeholder-mod", { role: "moderator" }),
    ]);
    const responseId = await postResponseAs(await signedIn(appUrl, author), claimId, ARGUMENT);
    await postResponseAs(await signedIn(appUrl, other), claimId, REPLY, { parentId: responseId, stance: "oppose" });

    const reader = await newPage(PHONE);
    const ben = (await pageAs(newPage, other, DESKTOP)).page;
    const ann = (await pageAs(newPage, author, DESKTOP)).page;
    const mona = (await pageAs(newPage, moderatorAccount, DESKTOP)).page;
    for (const page of [reader, ben, ann]) {
      await page.goto(claimUrl);
      await page.getByText(ARGUMENT).waitFor();
    }

    // Ben reports it under a rule from the site's list.
    const card = ben.getByTestId("response").filter({ hasText: ARGUMENT });
    await chooseInMenu(ben, card.getByRole("button", { name: /^More actions for/ }).first(), "Report");
    await card.getByRole("radio", { name: /^Harassment/ }).check();
    await card.getByRole("button", { name: "Send report" }).click();
    await ben.getByText("Reported. Thank you.").waitFor();

    // The moderator tries to hide it without a rule: refused, in words, and nothing is stored.
    await mona.goto("/moderation");
    const queued = mona.getByTestId("queue-item").filter({ hasText: ARGUMENT });
    await expect(queued.innerText()).resolves.toMatch(/Harassment from placeholder-reader/);
    const logBefore = (await appSql<{ count: number }>(`select count(*)::int as count from "ModerationAction"`))[0].count;
    await queued.getByRole("button", { name: "Hide" }).click();
    await queued.getByRole("alert").filter({ hasText: "Choose the rule it breaks: every moderation action cites one." }).waitFor();
    expect(await appSql(`select "hiddenAt" from "Response" where id = $1`, [responseId])).toEqual([{ hiddenAt: null }]);
    expect((await appSql<{ count: number }>(`select count(*)::int as count from "ModerationAction"`))[0].count).toBe(logBefore);

    // With a rule, it is hidden: live, the reader's phone and the other reader meet the placeholder.
    await queued.getByLabel(/^Rule \(/).selectOption({ label: "Harassment" });
    await queued.getByRole("button", { name: "Hide" }).click();
    await expect.poll(() => seenOn(reader)).toEqual({ placeholder: expect.stringContaining(PLACEHOLDER_HIDDEN), text: false });
    await expect.poll(() => seenOn(ben)).toEqual({ placeholder: expect.stringContaining("Reported. Thank you."), text: false });
    // The author's page becomes theirs: the text, marked, with the rule.
    await ann.getByText(/Hidden pending a moderator's review under “Harassment”/).waitFor();
    expect(await ann.getByText(ARGUMENT).count()).toBe(1);

    // The same on reload; the reply below it is folded with it; the column still counts it.
    await reader.reload();
    await placeholder(reader).waitFor();
    expect(await seenOn(reader)).toEqual({ placeholder: expect.stringContaining(PLACEHOLDER_HIDDEN), text: false });
    expect(await reader.getByText(REPLY).count()).toBe(0);
    await reader.getByRole("tab", { name: "Supporting (1)" }).waitFor();
    // A moderator on the claim page sees it in place, with its text and the reply.
    await mona.goto(claimUrl);
    await mona.getByText(ARGUMENT).waitFor();
    await mona.getByText(REPLY).waitFor();

    // Removed with a note for the author: live for the reader, the rule in the placeholder, the note only for the author.
    await mona.goto("/moderation");
    const again = mona.getByTestId("queue-item").filter({ hasText: ARGUMENT });
    await again.getByLabel(/^Rule \(/).selectOption({ label: "Harassment" });
    await again.getByLabel(/^Note for the author/).fill("It insults a named librarian.");
    await again.getByRole("button", { name: "Remove" }).click();
    await expect.poll(() => seenOn(reader)).toEqual({ placeholder: expect.stringContaining(PLACEHOLDER_REMOVED), text: false });
    await ann.reload();
    await ann.getByText(/Removed by a moderator under “Harassment”\. Note: It insults a named librarian\./).waitFor();
    await reader.reload();
    expect(await reader.content()).not.toContain("named librarian");
    // Her bell says so too, with the rule and the note, from "a moderator".
    await ann.goto("/notifications");
    await expect(ann.getByTestId("notification").first().innerText()).resolves.toMatch(
      /^(Unread:\s*)?A moderator removed your argument under “Harassment” \(It insults a named librarian\.\)/,
    );

    // The placeholder links to its log entry, which names the rule and links back to the placeholder.
    await placeholder(reader).getByRole("link", { name: "See the moderation log" }).click();
    await reader.waitForURL(/\/moderation\/log\?item=/);
    const entry = reader.getByTestId("log-entry").first();
    await expect(entry.innerText()).resolves.toMatch(/A moderator removed a response under Harassment/);
    expect(await reader.locator(":target").count()).toBe(1);
    await entry.getByRole("link", { name: "a response" }).click();
    await reader.waitForURL(`**/responses/${responseId}`);
    await expect(placeholder(reader).innerText()).resolves.toContain(PLACEHOLDER_REMOVED);
    expect(await reader.content()).not.toContain(ARGUMENT.slice(0, 30));
  });

  test("the API and the exports hold a tombstone: status, no text, no author, nothing of what was below", async () => {
    const claimId = await createArticleWithClaim({
      id: "tombstone-article",
      title: "Tombstones in files",
      body: "Parks should stay open at night. Some councils disagree.",
      claim: "Parks should stay open at night.",
    });
    const author = await createAccount("tombstone-author");
    const responseId = await postResponseAs(await signedIn(appUrl, author), claimId, "A secret argument that moderators will remove.");
    const replyId = await postResponseAs(await signedIn(appUrl, author), claimId, "A secret reply below it.", { parentId: responseId });
    await appSql(`update "Response" set "removedAt" = now() where id = $1`, [responseId]);

    const api = await fetch(`${appUrl}/api/v1/responses/${responseId}`).then((response) => response.json());
    expect(api).toMatchObject({ id: responseId, status: "removed", body: null, author: null, votes: { strong: 0, weak: 0 } });
    expect((await fetch(`${appUrl}/api/v1/responses/${replyId}`)).status).toBe(404);
    const list = await fetch(`${appUrl}/api/v1/claims/${claimId}/responses`).then((response) => response.json());
    expect(list.items.map((item: { id: string; status: string }) => [item.id, item.status])).toEqual([[responseId, "removed"]]);

    const csv = await fetch(`${appUrl}/api/articles/tombstone-article/export?format=responses.csv`).then((response) => response.text());
    expect(csv).toContain(`${responseId},${claimId},,support,removed,`);
    const argdown = await fetch(`${appUrl}/api/articles/tombstone-article/export?format=argdown`).then((response) => response.text());
    for (const file of [csv, argdown, JSON.stringify(api), JSON.stringify(list)]) expect(file).not.toContain("secret");
  });
});
