import { describe, expect, test } from "vitest";
import { seriousViolations } from "../support/axe";
import { appUrl, chromiumPath, DESKTOP, dragOver, openClaimPage, pageAs, PHONE, setUpBrowser } from "../support/browser";
import { createArticleWithClaim } from "../support/app-database";
import { createAccount, postResponseAs, signedIn } from "../support/http";

const newPage = setUpBrowser();

describe.skipIf(!chromiumPath)("accessibility (axe-core)", () => {
  test("home, article (with and without the debate beside it), claim and search pages have no serious or critical violations", async () => {
    const page = await newPage();
    await page.goto("/");
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto("/articles/why-the-us-may-be-pushing-the-controversial-korea-scenario-for-ukraine");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId("claim").first().click();
    await page.waitForURL(/\?claim=/);
    // A client-side navigation streams the new page's metadata after its URL changes: check the page
    // once it has arrived (the debate beside the text, and its title).
    await page.getByTestId("claim-discussion").waitFor();
    await page.waitForFunction(() => document.title.trim() !== "");
    expect(await seriousViolations(page)).toEqual([]);
    await openClaimPage(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto("/search?q=Ukraine");
    await page.getByTestId("search-hit").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("signed in, on a phone and at 1280 px, with the menus, the tabs and the composer open: no serious or critical violations", async () => {
    const claimId = await createArticleWithClaim({
      id: "axe-signed-in-article",
      title: "Checked signed in",
      body: "Ferries should run all night. Night workers need them. The last boat leaves far too early.",
      claim: "Ferries should run all night.",
    });
    const author = await signedIn(appUrl, await createAccount("axe-author"));
    await postResponseAs(author, claimId, "Night crossings carry so few people that each one costs more than a taxi.", { stance: "oppose" });
    for (const options of [DESKTOP, PHONE]) {
      const { page } = await pageAs(newPage, await createAccount("axe-reader", { role: "moderator" }), options);
      const checked = async (what: string) => expect(await seriousViolations(page), what).toEqual([]);
      await page.goto("/");
      await page.getByTestId("signed-in-user").click();
      await page.getByRole("menu").waitFor();
      await checked("home, account menu open");
      await page.keyboard.press("Escape");
      await page.goto(`/claims/${claimId}`);
      await page
        .getByRole("button", { name: /^More actions for/ })
        .first()
        .click();
      await page.getByRole("menu").waitFor();
      await checked("claim, a response's menu open");
      await page.keyboard.press("Escape");
      await page
        .getByRole("button", { name: /^Reply to/ })
        .first()
        .click();
      await checked("claim, reply form open");
      await page.goto("/articles/axe-signed-in-article");
      await dragOver(page, "Night workers need them");
      await page.getByTestId("argue-bar").waitFor();
      await checked("article, composer open");
      await page.goto("/settings");
      await checked("settings");
      await page.goto("/moderation");
      await checked("moderation");
      await page.context().close();
    }
  });

  test("reading works without JavaScript: article and claim pages are server rendered", async () => {
    const page = await newPage({ javaScript: false });
    await page.goto("/articles/why-the-us-may-be-pushing-the-controversial-korea-scenario-for-ukraine");
    const href = await page.getByTestId("claim").first().locator("xpath=..").getAttribute("href");
    expect(href).toMatch(/^\/claims\//);
    await page.goto(href!);
    await page.getByTestId("standing-label").waitFor();
    await page.getByRole("heading", { name: /Supporting/ }).waitFor();
    await page.getByRole("heading", { name: /Opposing/ }).waitFor();
    // What sits in menus with JavaScript is plain links without it.
    await page.getByRole("navigation", { name: "This debate elsewhere" }).getByRole("link", { name: "Download as Argdown" }).waitFor();
    await page.getByRole("navigation", { name: "Sort responses" }).getByRole("link", { name: "Newest" }).waitFor();
  });

  test("every page carries a Content Security Policy whose nonce is on every script", async () => {
    const page = await newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto("/articles/why-the-us-may-be-pushing-the-controversial-korea-scenario-for-ukraine");
    const policy = response?.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(policy).toContain("script-src 'self' 'nonce-");
    expect(policy).toContain("object-src 'none'");
    expect(nonce).toBeTruthy();
    const scripts = await page.locator("script").evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((value) => value === nonce)).toBe(true);
    // The page still works with the policy in force: a claim opens its debate in place.
    await page.getByTestId("claim").first().click();
    await page.waitForURL(/\?claim=/);
    expect(violations).toEqual([]);
  });
});
