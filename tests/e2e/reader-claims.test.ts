// Readers raising their own claims in a real Chromium: with the mouse, with the keyboard sentence by
// sentence, a second reader landing on the same claim, and what signed-out readers are offered.
import { beforeAll, describe, expect, test } from "vitest";
import { appSql, createArticleWithClaim } from "../support/app-database";
import { seriousViolations } from "../support/axe";
import { chromiumPath, dragOver, setUpBrowser, signUp, uniqueEmail } from "../support/browser";

const newPage = setUpBrowser();
const PASSWORD = "correct horse battery";
const ARTICLE = "/articles/raise-article";
const MARKED = "The council should rebuild the old bridge this year.";
const UNMARKED = "Closing it for good would cut the town in two and strand the market.";
const LAST = "Repairs have already cost more than a new bridge would.";

async function person(name: string) {
  const page = await newPage();
  await signUp(page, { name, email: uniqueEmail(name.toLowerCase()), password: PASSWORD });
  await page.getByTestId("signed-in-user").waitFor();
  return page;
}

const claimIdIn = (url: string) => new URL(url).searchParams.get("claim") ?? url.split("/claims/")[1];

beforeAll(async () => {
  await createArticleWithClaim({
    id: "raise-article",
    title: "The bridge",
    body: `${MARKED} ${UNMARKED} ${LAST}`,
    claim: MARKED,
    suffix: ` ${UNMARKED.slice(0, 20)}`,
  });
});

describe.skipIf(!chromiumPath)("readers raise their own claims", () => {
  test("a reader selects an unmarked sentence with the mouse and argues it; a second reader's overlapping selection opens the same claim", async () => {
    const ada = await person("Ada");
    await ada.goto(ARTICLE);
    await dragOver(ada, UNMARKED.slice(3, -6)); // a rough drag, mid-word at both ends
    const bar = ada.getByTestId("argue-bar");
    await bar.getByText(`“${UNMARKED}”`).waitFor(); // snapped to whole words, with its full stop
    await bar.getByRole("button", { name: "Publish claim" }).click();

    // Its debate opens at once, beside the text, saying who raised it.
    await ada.waitForURL(/\?claim=/);
    const claimId = claimIdIn(ada.url());
    const debate = ada.getByTestId("claim-discussion");
    await debate.getByText(UNMARKED, { exact: true }).first().waitFor();
    await expect(debate.getByTestId("claim-origin").innerText()).resolves.toMatch(/^Raised by Ada on /);
    // In the text it is marked apart from the article's own claims, and counted with them.
    const mark = ada.locator(`a[data-claim-id="${claimId}"]`);
    await expect(mark.getAttribute("data-origin")).resolves.toBe("reader");
    await mark.hover();
    await expect(mark.getByTestId("claim-counts").innerText()).resolves.toContain("raised by Ada");
    await ada.getByText("2 claims marked (1 raised by readers)", { exact: false }).waitFor();

    const ben = await person("Ben");
    await ben.goto(ARTICLE);
    await dragOver(ben, UNMARKED.slice(0, 40));
    await ben.getByTestId("argue-bar").getByText("These words are already a claim.").waitFor();
    await ben.getByTestId("argue-bar").getByRole("button", { name: "Open its debate" }).click();
    await ben.waitForURL(/\?claim=/);
    expect(claimIdIn(ben.url())).toBe(claimId);
    expect((await appSql(`select count(*)::int as n from "Claim" where "articleId" = 'raise-article'`))[0].n).toBe(2);
  });

  test("the keyboard path: sentence by sentence, each read out, Enter argues the sentence", async () => {
    const cal = await person("Cal");
    await cal.goto(ARTICLE);
    await cal.getByRole("button", { name: "go through the sentences with the keyboard" }).focus();
    await cal.keyboard.press("Enter");
    const announcement = cal.getByTestId("argue-announcement");
    await expect.poll(() => announcement.innerText()).toMatch(/^Sentence 1 of 3: The council should rebuild/);
    await expect.poll(() => announcement.innerText()).toContain("Already a claim: press Enter to open its debate.");
    await cal.keyboard.press("ArrowDown");
    await cal.keyboard.press("ArrowDown");
    await expect.poll(() => announcement.innerText()).toBe(`Sentence 3 of 3: ${LAST} Press Enter to argue it.`);
    // Enter opens the draft, with the keyboard in it; Publish makes it public.
    await cal.keyboard.press("Enter");
    await expect.poll(() => announcement.innerText()).toBe(`Drafting a claim: ${LAST}`);
    await expect.poll(() => cal.evaluate(() => document.activeElement?.hasAttribute("data-composer-heading") ?? false)).toBe(true);
    await cal.getByTestId("argue-bar").getByRole("button", { name: "Publish claim" }).focus();
    await cal.keyboard.press("Enter");
    await cal.waitForURL(/\?claim=/);
    await cal
      .getByTestId("claim-discussion")
      .getByTestId("claim-origin")
      .getByText(/^Raised by Cal/)
      .waitFor();
    const [row] = await appSql(`select exact, origin::text from "Claim" where id = $1`, [claimIdIn(cal.url())]);
    expect(row).toEqual({ exact: LAST, origin: "reader" });
  });

  test("signed out, a selection offers to sign in; the page with the bar open has no serious accessibility violations", async () => {
    const page = await newPage();
    await page.goto(ARTICLE);
    await dragOver(page, LAST.slice(0, 30));
    await page.getByTestId("argue-bar").getByRole("link", { name: "Sign in to argue this" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
