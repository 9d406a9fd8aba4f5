// Issue 28, item 3: the article reads first. Claim marks are quiet until people argue them, counts
// are words shown on hover or focus (not superscripts), exports and staff actions wait in one menu away
// from the text, and opening a claim beside the text moves nothing already drawn.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { appSql, createArticleWithClaim } from "../support/app-database";
import { appUrl, chromiumPath, DESKTOP, pageAs, setUpBrowser } from "../support/browser";
import { createAccount, postResponseAs, signedIn } from "../support/http";

const newPage = setUpBrowser();
const ARGUED = "Four-day school weeks save money without hurting learning.";
const QUIET = "Parents then pay for a fifth day of childcare.";
const ARTICLE = "/articles/reading-article";

beforeAll(async () => {
  const claimId = await createArticleWithClaim({
    id: "reading-article",
    title: "Four-day school weeks",
    body: `${ARGUED} ${QUIET} Rural districts adopted the schedule first, to save on buses and heating.`,
    claim: ARGUED,
  });
  const end = ARGUED.length + 1 + QUIET.length;
  await appSql(
    `insert into "Claim" (id, "articleId", start, "end", exact, prefix, suffix, text, "updatedAt") values ('reading-quiet', 'reading-article', $1, $2, $3, '', '', $3, now())`,
    [ARGUED.length + 1, end, QUIET],
  );
  const author = await signedIn(appUrl, await createAccount("rhea-reader"));
  await postResponseAs(author, claimId, "Districts that switched cut transport costs by a tenth and test scores held steady.");
  await postResponseAs(author, claimId, "Teachers use the fifth day for planning, which shows up in better lessons.");
  await postResponseAs(author, claimId, "Attendance rose in several districts, because the long weekend cut absences.");
  await postResponseAs(author, claimId, "Studies in Oklahoma found small but real losses in maths for younger pupils.", { stance: "oppose" });
});

const mark = (page: Page, claimId: string) => page.locator(`a[data-claim-id="${claimId}"] [data-testid="claim"]`);

describe.skipIf(!chromiumPath)("the article reads first", () => {
  test("marks are quiet until argued, with counts in words on hover and focus, never superscripts", async () => {
    const page = await newPage(DESKTOP);
    await page.goto(ARTICLE);
    expect(await page.getByTestId("article-body").locator("sup").count()).toBe(0);
    expect(await page.getByTestId("article-body").innerText()).not.toMatch(/\d\s*[✓✗]|\d+%/);
    const background = (claimId: string) => mark(page, claimId).evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(await background("reading-quiet")).toBe("rgba(0, 0, 0, 0)");
    expect(await background("reading-claim")).not.toBe("rgba(0, 0, 0, 0)");

    // Hover, then keyboard focus: the counts appear as words beside the mark.
    const counts = page.locator('a[data-claim-id="reading-claim"] [data-testid="claim-counts"]');
    expect(await counts.isVisible()).toBe(false);
    await mark(page, "reading-claim").hover();
    await expect.poll(() => counts.isVisible()).toBe(true);
    await expect(counts.innerText()).resolves.toBe("3 for · 1 against");
    await page.mouse.move(0, 0);
    await page.locator('a[data-claim-id="reading-claim"]').focus();
    await expect.poll(() => counts.isVisible()).toBe(true);
    // Screen readers hear the same words with the claim.
    await expect(page.locator('a[data-claim-id="reading-quiet"]').innerText()).resolves.not.toContain("0 for");
    const quietName = await page.locator('a[data-claim-id="reading-quiet"]').evaluate((link) => link.textContent);
    expect(quietName).toContain("no arguments yet");
  });

  test("exports and staff actions are in one menu, not above the text", async () => {
    const { page } = await pageAs(newPage, await createAccount("ada-admin-reading", { role: "admin" }), DESKTOP);
    await page.goto(ARTICLE);
    await page.getByTestId("signed-in-user").waitFor();
    const firstParagraph = await page.getByTestId("article-body").locator("p").first().boundingBox();
    for (const name of [/Argdown/, /Lock debate/, /CSV/]) {
      const visible = page.getByRole("button", { name }).or(page.getByRole("link", { name }));
      expect(await visible.count(), String(name)).toBe(0);
    }
    const menu = page.getByRole("button", { name: /^Downloads/ });
    const menuBox = await menu.boundingBox();
    expect(menuBox).not.toBeNull();
    await menu.click();
    for (const name of [/Argdown/, /AIF/, /Web Annotation/, /responses \(CSV\)/, /Lock debate/]) await page.getByRole("menuitem", { name }).waitFor();
    expect(firstParagraph!.y).toBeLessThan(420);
  });

  test("opening a claim beside the text at 1280×800 moves nothing already drawn", async () => {
    const page = await newPage(DESKTOP);
    await page.goto(ARTICLE);
    const positions = () =>
      page.evaluate(() =>
        ["h1", '[data-testid="article-body"] p', '[data-claim-id="reading-quiet"]'].map((selector) => {
          const box = document.querySelector(selector)!.getBoundingClientRect();
          return [Math.round(box.left), Math.round(box.top), Math.round(box.width)];
        }),
      );
    const before = await positions();
    await mark(page, "reading-claim").click();
    await page.waitForURL(/\?claim=reading-claim/);
    await page.getByRole("complementary", { name: "Debate on the chosen claim" }).getByTestId("claim-discussion").waitFor();
    expect(await positions()).toEqual(before);
    await mark(page, "reading-quiet").click();
    await page.waitForURL(/\?claim=reading-quiet/);
    await page.getByRole("complementary", { name: "Debate on the chosen claim" }).getByText("No votes yet").waitFor();
    expect(await positions()).toEqual(before);
  });
});
