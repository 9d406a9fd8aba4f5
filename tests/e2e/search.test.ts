// Search in the browser: from the header, ranked results with highlighted words, filters by kind and
// article, snippets shown as text; and similar arguments suggested while someone writes a response.
import { describe, expect, test } from "vitest";
import { appSql, createArticleWithClaim } from "../support/app-database";
import { appUrl, chromiumPath, setUpBrowser, signUp, uniqueEmail } from "../support/browser";

const newPage = setUpBrowser();

async function articleWithClaim() {
  const claim = "Zeppelin diplomacy is back in fashion.";
  await createArticleWithClaim({
    id: "search-article",
    slug: "zeppelin-diplomacy",
    title: "Zeppelin diplomacy returns",
    body: `${claim} Airships will carry the treaties of tomorrow.`,
    claim,
  });
  await appSql(`insert into "User" (id, email, name, "createdAt", "updatedAt") values ('search-user', 'search-user@example.com', 'Skeptic', now(), now())`);
  await appSql(
    `insert into "Response" (id, "claimId", stance, "authorId", body) values
     ('search-response', 'search-claim', 'oppose', 'search-user', 'Airships are too slow for zeppelin diplomacy to matter in a crisis.'),
     ('search-markup', 'search-claim', 'support', 'search-user', 'Zeppelin fans write <img src=x onerror="window.__xss=true"> everywhere.')`,
  );
}

describe.skipIf(!chromiumPath)("search", () => {
  test("finds articles, claims and arguments, highlighted and filtered, from the header", { timeout: 60_000 }, async () => {
    await articleWithClaim();
    const page = await newPage();
    await page.goto("/");
    await page.getByRole("link", { name: "Search", exact: true }).click();
    await page.waitForURL(/\/search$/);
    await page.getByLabel("Words to find").fill("zeppelin");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=zeppelin/);
    const hits = page.getByTestId("search-hit");
    await expect(hits.count()).resolves.toBe(4); // the article, its claim, and two arguments
    await expect(page.locator("mark", { hasText: /zeppelin/i }).count()).resolves.toBeGreaterThan(3);
    // Stored markup shows as text, never as an element.
    await expect(page.evaluate(() => document.querySelectorAll("[data-testid=search-hit] img, [onerror]").length)).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as { __xss?: boolean }).__xss === true)).resolves.toBe(false);

    await page.getByLabel("Kind", { exact: true }).selectOption("responses");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/type=responses/);
    await expect(hits.count()).resolves.toBe(2);
    await expect(hits.first().innerText()).resolves.toMatch(/Argument · in Zeppelin diplomacy returns/i);

    await page.getByLabel("Kind", { exact: true }).selectOption("all");
    await page.getByLabel("Article", { exact: true }).selectOption({ label: "Zeppelin diplomacy returns" });
    await page.getByLabel("Words to find").fill("NATO");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=NATO/);
    await expect(page.getByText("Nothing matches “NATO” with these filters.").isVisible()).resolves.toBe(true);

    await page.getByLabel("Article", { exact: true }).selectOption("");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=NATO&type=all&article=$|q=NATO&type=all$/);
    await hits.filter({ hasText: "Claim" }).first().getByRole("link").last().click();
    await page.waitForURL(/\/claims\//);
    await page.getByTestId("claim-discussion").waitFor();
  });

  test("writing a response that repeats one already made suggests it before posting", { timeout: 60_000 }, async () => {
    const page = await newPage();
    await signUp(page, { name: "Drafter", email: uniqueEmail("drafter"), password: "correct horse battery" });
    await page.getByTestId("signed-in-user").waitFor();
    await page.goto("/claims/search-claim");
    await page.getByRole("button", { name: "Oppose this claim" }).click();
    const form = page.getByLabel("Your opposing response");
    await form.fill("Cooking pasta is a fine hobby for a quiet weekend.");
    await page.waitForTimeout(900);
    await expect(page.getByTestId("similar-arguments").count()).resolves.toBe(0);
    await form.fill("Airships are far too slow for zeppelin diplomacy to matter in any crisis.");
    const suggestion = page.getByTestId("similar-arguments");
    await suggestion.waitFor({ timeout: 10_000 });
    await expect(suggestion.innerText()).resolves.toContain("Airships are too slow for zeppelin diplomacy to matter in a crisis.");
    await expect(suggestion.getByRole("link").first().getAttribute("href")).resolves.toBe("/responses/search-response");

    // The endpoint behind it answers bad requests clearly.
    const similar = (claim: string, text: string) => fetch(`${appUrl}/api/claims/${claim}/similar?text=${encodeURIComponent(text)}`);
    expect((await similar("search-claim", "too short")).status).toBe(400);
    expect((await similar("no-such-claim", "A draft long enough to be compared with others.")).status).toBe(404);
    const answer = await similar("search-claim", "Airships are too slow for zeppelin diplomacy to matter.");
    expect(answer.headers.get("cache-control")).toContain("no-store");
    expect(((await answer.json()) as { similar: { id: string }[] }).similar.map((response) => response.id)).toContain("search-response");
  });
});
