import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import {
  alertText,
  chooseInMenu,
  chromiumPath,
  openAccountMenu,
  openClaimPage,
  postArgument,
  replyTo,
  setUpBrowser,
  signUp,
  uniqueEmail,
} from "../support/browser";

const newPage = setUpBrowser();
const PASSWORD = "correct horse battery";
const NATO_SLUG = "/articles/time-to-start-thinking-about-walking-away-from-nato-invite-to-ukraine";

async function person(name: string) {
  const page = await newPage();
  await signUp(page, { name, email: uniqueEmail(name.toLowerCase()), password: PASSWORD });
  await page.getByTestId("signed-in-user").waitFor();
  return page;
}

const standing = (page: Page) => page.getByTestId("standing-label").first().innerText();
const responseWith = (page: Page, text: string) => page.getByTestId("response").filter({ hasText: text }).first();

describe.skipIf(!chromiumPath)("a debate between two people", () => {
  test("post, oppose, vote, see it live, edit with history, delete without losing the tree, get notified", async () => {
    const ann = await person("Ann");
    const ben = await person("Ben");

    await ann.goto(NATO_SLUG);
    await openClaimPage(ann);
    const claimUrl = ann.url();
    // No figure before anyone votes (numbers only with grounds, lib/argument/grounds.ts).
    await expect(standing(ann)).resolves.toBe("No votes yet");

    const argument = "Membership talk keeps the war going, because Moscow reads it as a threat it must prevent.";
    await postArgument(ann, "support", argument);
    await responseWith(ann, argument).waitFor();
    await expect(standing(ann)).resolves.toBe("No votes yet");
    // Your own argument cannot be rated by you.
    await expect(
      responseWith(ann, argument)
        .getByRole("button", { name: /Strong/ })
        .isDisabled(),
    ).resolves.toBe(true);

    await ben.goto(claimUrl);
    const annsResponse = responseWith(ben, argument);
    const rebuttal = "Russia's aggression predates any membership talk, so withdrawing the offer buys nothing.";
    await replyTo(annsResponse, "oppose", rebuttal);
    await responseWith(ben, rebuttal).waitFor();
    await annsResponse.getByRole("button", { name: /^Weak/ }).first().click();
    await annsResponse
      .getByRole("button", { name: /^Weak.* 1$/ })
      .first()
      .waitFor();
    await ben.getByRole("button", { name: /^Agree/ }).click();
    await ben.getByRole("button", { name: "Agree 1" }).waitFor();

    // Ann has not reloaded: the reply, the vote and the claim's counts arrive live.
    await responseWith(ann, rebuttal).waitFor({ timeout: 10_000 });
    await ann.getByRole("button", { name: "Agree 1" }).waitFor({ timeout: 10_000 });
    await responseWith(ann, argument)
      .getByRole("button", { name: /^Weak.* 1$/ })
      .first()
      .waitFor();
    // One vote is no ground for a figure: the page says so, with the count.
    await expect(standing(ann)).resolves.toBe("Too few votes to say (1 agree, 0 disagree)");

    // Edit: "edited" appears and the history keeps the first text.
    const revised = `${argument} Several allies have said as much.`;
    await chooseInMenu(
      ann,
      responseWith(ann, argument)
        .getByRole("button", { name: /^More actions for/ })
        .first(),
      "Edit",
    );
    await ann.getByLabel("Edit your response").fill(revised);
    await ann.getByRole("button", { name: "Save changes" }).click();
    await responseWith(ann, "Several allies have said as much.").getByRole("link", { name: "edited" }).first().click();
    await ann.getByTestId("revision").first().waitFor();
    await expect(ann.getByTestId("revision").first().innerText()).resolves.toContain(argument);
    await ann.goto(claimUrl);

    // Editing on a fresh page (nothing live has arrived yet) keeps the response's votes and figures.
    const again = `${revised} Still true.`;
    await chooseInMenu(
      ann,
      responseWith(ann, revised)
        .getByRole("button", { name: /^More actions for/ })
        .first(),
      "Edit",
    );
    await ann.getByLabel("Edit your response").fill(again);
    await ann.getByRole("button", { name: "Save changes" }).click();
    await responseWith(ann, again).waitFor();
    await responseWith(ann, again)
      .getByRole("button", { name: /^Weak.* 1$/ })
      .first()
      .waitFor();
    await responseWith(ann, again).getByText(rebuttal).first().waitFor();

    // Delete: the text goes, the reply beneath it stays.
    ann.once("dialog", (dialog) => void dialog.accept());
    await chooseInMenu(
      ann,
      responseWith(ann, revised)
        .getByRole("button", { name: /^More actions for/ })
        .first(),
      "Delete",
    );
    await ann.getByText("[deleted]").waitFor();
    await responseWith(ann, rebuttal).waitFor();
    expect(await ann.getByText(argument).count()).toBe(0);

    // Notifications: Ben's reply and Ben's vote.
    await ann.reload();
    await expect(ann.getByTestId("unread-count").innerText()).resolves.toBe("2");
    await ann.getByTestId("bell").click();
    await ann.waitForURL(/\/notifications/);
    await ann.getByTestId("notification").first().waitFor();
    const notes = await ann.getByTestId("notification").allInnerTexts();
    expect(notes.some((note) => note.includes("Ben responded"))).toBe(true);
    expect(notes.some((note) => note.includes("Ben rated your argument"))).toBe(true);
    await ann.getByRole("button", { name: "Mark all as read" }).click();
    await ann.getByTestId("bell").and(ann.getByLabel("Notifications: 0 unread")).waitFor();

    // Ben's profile lists his response with totals.
    await openAccountMenu(ben);
    await ben.getByRole("menuitem", { name: "Your profile" }).click();
    await expect(ben.getByTestId("profile-totals").innerText()).resolves.toContain("1 response");
    await ben.getByText(rebuttal).waitFor();

    // The article page shows the claim's counts in words, on hover; a deleted response no longer counts.
    await ben.goto(NATO_SLUG);
    await ben.getByTestId("claim").first().hover();
    await expect(ben.getByTestId("claim-counts").first().innerText()).resolves.toBe("1 for · 0 against");
  });

  test("bad responses are refused with a reason and keep what was typed", async () => {
    const page = await person("Cat");
    await page.goto(NATO_SLUG);
    await openClaimPage(page, 1);
    await page.getByRole("button", { name: "Oppose this claim" }).click();
    await page.getByLabel("Your opposing response").fill("Too short");
    await expect(page.getByRole("button", { name: "Post response" }).isDisabled()).resolves.toBe(true);
    // Past the form's own check (as a script could send): the server refuses too.
    const long = "x".repeat(5001);
    await page.getByLabel("Your opposing response").fill(long);
    await page.getByRole("button", { name: "Post response" }).evaluate((button: HTMLButtonElement) => {
      button.disabled = false;
      button.click();
    });
    await expect(alertText(page, "at most")).resolves.toContain("A response can be at most 5,000 characters.");
    await expect(page.getByLabel("Your opposing response").inputValue()).resolves.toBe(long);
  });

  test("on a wide screen a claim's debate opens beside the text; on a narrow one, as its own page", async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(NATO_SLUG);
    const first = await page.getByTestId("claim").first().innerText();
    await page.getByTestId("claim").first().click();
    await page.waitForURL(/\?claim=/);
    const panel = page.getByRole("complementary", { name: "Debate on the chosen claim" });
    await expect(panel.getByRole("heading", { level: 2 }).first().innerText()).resolves.toBe(first);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Time to start thinking about walking away from NATO invite to Ukraine");
    await panel.getByRole("link", { name: "Open as its own page" }).click();
    await page.waitForURL(/\/claims\//);

    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(NATO_SLUG);
    await page.getByTestId("claim").first().click();
    await page.waitForURL(/\/claims\//);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe(first);
  });

  test("the same response edited in two tabs: the later save is refused and its text stays in the form", async () => {
    const first = await person("Tabitha");
    await first.goto(NATO_SLUG);
    await openClaimPage(first, 2);
    const original = "Two tabs will edit this argument, and neither edit may silently erase the other.";
    await postArgument(first, "support", original);
    await responseWith(first, original).waitFor();
    const edit = (page: Page) =>
      chooseInMenu(
        page,
        responseWith(page, original)
          .getByRole("button", { name: /^More actions for/ })
          .first(),
        "Edit",
      );

    const second = await first.context().newPage();
    await second.goto(first.url());
    await edit(second);

    await edit(first);
    await first.getByLabel("Edit your response").fill(`${original} Saved from the first tab.`);
    await first.getByRole("button", { name: "Save changes" }).click();
    await responseWith(first, "Saved from the first tab.").waitFor();

    // The second tab hears of the edit live and re-renders with the new text, its editor still open on
    // the old one: that must not count as having seen the edit.
    await responseWith(second, "Saved from the first tab.").waitFor();
    const lateText = `${original} Typed in the second tab, which had not seen the first edit.`;
    await second.getByLabel("Edit your response").fill(lateText);
    await second.getByRole("button", { name: "Save changes" }).click();
    await expect(alertText(second, "edited elsewhere")).resolves.toContain("This response was edited elsewhere in the meantime.");
    await expect(second.getByLabel("Edit your response").inputValue()).resolves.toBe(lateText);
  });
});
