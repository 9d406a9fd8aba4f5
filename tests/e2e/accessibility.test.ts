import { describe, expect, test } from "vitest";
import { seriousViolations } from "../support/axe";
import { chromiumPath, openClaimPage, setUpBrowser } from "../support/browser";

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

  test("reading works without JavaScript: article and claim pages are server rendered", async () => {
    const page = await newPage();
    await page.context().route("**/*.js", (route) => route.abort());
    await page.goto("/articles/why-the-us-may-be-pushing-the-controversial-korea-scenario-for-ukraine");
    const href = await page.getByTestId("claim").first().locator("xpath=..").getAttribute("href");
    expect(href).toMatch(/^\/claims\//);
    await page.goto(href!);
    await page.getByRole("heading", { name: "Standing", exact: true }).waitFor();
    await page.getByRole("heading", { name: /Supporting/ }).waitFor();
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
