// Issue 28, item 5: the arguments are the page. On the claim page and in the side panel the first
// supporting and opposing arguments start within the first screen at 1280×800; each card shows vote
// and reply, the rest in a menu; on a phone pro and con are one tap apart with both counts in view.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { createArticleWithClaim } from "../support/app-database";
import { appUrl, chromiumPath, DESKTOP, pageAs, PHONE, setUpBrowser } from "../support/browser";
import { createAccount, postResponseAs, signedIn } from "../support/http";

const newPage = setUpBrowser();
const FOR = "Congestion charges in London and Stockholm cut traffic by a fifth within a year.";
const AGAINST = "A flat charge weighs most on people who must drive, such as carers and night workers.";
let claimId = "";

beforeAll(async () => {
  claimId = await createArticleWithClaim({
    id: "first-screen-article",
    title: "Congestion charges",
    body: "Every large city should charge cars to enter its centre at rush hour. The money could pay for buses, and the streets would be calmer for everyone who walks.",
    claim: "Every large city should charge cars to enter its centre at rush hour.",
  });
  const author = await signedIn(appUrl, await createAccount("fay-first"));
  await postResponseAs(author, claimId, FOR);
  await postResponseAs(author, claimId, AGAINST, { stance: "oppose" });
});

async function topOf(page: Page, text: string) {
  const card = page.getByTestId("response").filter({ hasText: text }).first();
  await card.waitFor();
  return (await card.boundingBox())!.y;
}

describe.skipIf(!chromiumPath)("the arguments are the page", () => {
  test("at 1280×800 the first argument of each side starts on the first screen, on the claim page and in the panel, signed in or not", async () => {
    const anonymous = await newPage(DESKTOP);
    const { page: signedInPage } = await pageAs(newPage, await createAccount("gus-first", { role: "admin" }), DESKTOP);
    for (const page of [anonymous, signedInPage]) {
      await page.goto(`/claims/${claimId}`);
      await page.waitForLoadState("networkidle");
      expect(await topOf(page, FOR)).toBeLessThan(800 - 60);
      expect(await topOf(page, AGAINST)).toBeLessThan(800 - 60);
      await page.goto(`/articles/first-screen-article?claim=${claimId}`);
      await page.waitForLoadState("networkidle");
      const panel = page.getByRole("complementary", { name: "Debate on the chosen claim" });
      await panel.getByTestId("claim-discussion").waitFor();
      expect(await topOf(page, FOR)).toBeLessThan(800 - 60);
      // In the narrow panel the sides are tabs: the other side is one tap away, with its count in view.
      await panel.getByRole("tab", { name: /Opposing \(1\)/ }).click();
      expect(await topOf(page, AGAINST)).toBeLessThan(800 - 60);
    }
  });

  test("each card shows rating and reply; following, sources, reporting, editing and deleting wait in its menu", async () => {
    const { page } = await pageAs(newPage, await createAccount("hal-cards"), DESKTOP);
    await page.goto(`/claims/${claimId}`);
    await page.getByTestId("signed-in-user").waitFor();
    const card = page.getByTestId("response").filter({ hasText: FOR }).first();
    await card.getByRole("button", { name: "Reply to the response by fay-first" }).waitFor();
    const visible = await card
      .getByRole("button")
      .evaluateAll((buttons) =>
        buttons
          .filter((button) => (button as HTMLElement).offsetParent !== null)
          .map((button) => button.getAttribute("aria-label") ?? button.textContent?.trim()),
      );
    expect(visible).toEqual([
      expect.stringMatching(/^Strong/),
      expect.stringMatching(/^Weak/),
      "Reply to the response by fay-first",
      "More actions for the response by fay-first",
    ]);
    await card.getByRole("button", { name: "More actions for the response by fay-first" }).click();
    for (const name of ["Follow", "Needs a source", "Report", "Link to this response"]) await page.getByRole("menuitem", { name }).waitFor();
  });

  test("on a phone pro and con are one tap apart, with both counts in view", async () => {
    const page = await newPage(PHONE);
    await page.goto(`/claims/${claimId}`);
    const supporting = page.getByRole("tab", { name: /Supporting \(1\)/ });
    const opposing = page.getByRole("tab", { name: /Opposing \(1\)/ });
    for (const tab of [supporting, opposing]) {
      const box = await tab.boundingBox();
      expect(box && box.y + box.height <= 844 && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    }
    expect(await page.getByTestId("response").filter({ hasText: FOR }).isVisible()).toBe(true);
    expect(await page.getByTestId("response").filter({ hasText: AGAINST }).isVisible()).toBe(false);
    await opposing.tap();
    await page.getByTestId("response").filter({ hasText: AGAINST }).waitFor();
    expect(await page.getByTestId("response").filter({ hasText: FOR }).isVisible()).toBe(false);
  });
});
