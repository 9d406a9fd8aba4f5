// A long debate in the browser: the claim page shows a bounded page (10 direct responses per stance,
// 3 replies under each, 2 under those) with counts of everything and links to the rest; and a reader
// who is not signed in gets the cached page, which a new response replaces at once.
import { describe, expect, test } from "vitest";
import { appSql, createArticleWithClaim } from "../support/app-database";
import { appUrl, chromiumPath, setUpBrowser } from "../support/browser";

const newPage = setUpBrowser();

/** A published article with one claim that no other test touches. */
function claimOfItsOwn(name: string) {
  const claim = "Long debates need pages that stay short.";
  return createArticleWithClaim({
    id: `${name}-article`,
    title: "A test of long debates",
    body: `${claim} Readers should meet the best arguments first.`,
    claim,
  });
}

describe.skipIf(!chromiumPath)("a long debate", () => {
  test("shows a page of each stance, 'show more', 'more replies' and 'continue this thread'", { timeout: 120_000 }, async () => {
    const claimId = await claimOfItsOwn("long");
    await appSql(`insert into "User" (id, email, name, "createdAt", "updatedAt") values ('long-user', 'long@example.com', 'Longwinded', now(), now())`);
    // 25 supporting and 4 opposing direct responses; the newest supporting one has 6 replies, the
    // first of which starts a chain four levels deep.
    await appSql(
      `insert into "Response" (id, "claimId", stance, "authorId", body, "createdAt")
       select 'long-root-' || n, $1, case when n <= 25 then 'support' else 'oppose' end::"Stance", 'long-user',
              'Direct argument number ' || n || '.', now() - make_interval(mins => 100 - n)
       from generate_series(1, 29) n`,
      [claimId],
    );
    await appSql(
      `insert into "Response" (id, "claimId", "parentId", stance, "authorId", body, "createdAt")
       select 'long-reply-' || n, $1, 'long-root-25', 'oppose', 'long-user', 'Reply number ' || n || ' to the newest.', now() - make_interval(secs => 60 - n)
       from generate_series(1, 6) n`,
      [claimId],
    );
    await appSql(
      `insert into "Response" (id, "claimId", "parentId", stance, "authorId", body, "createdAt") values
       ('long-deep-2', $1, 'long-reply-1', 'support', 'long-user', 'Two levels down the chain.', now()),
       ('long-deep-3', $1, 'long-deep-2', 'oppose', 'long-user', 'Three levels down the chain.', now())`,
      [claimId],
    );

    const page = await newPage();
    await page.goto(`/claims/${claimId}?sort=newest`);
    const supporting = page.getByRole("region", { name: "Supporting" });
    await expect(supporting.getByRole("heading", { name: "Supporting (25)" }).isVisible()).resolves.toBe(true);
    const directResponses = supporting.locator(":scope > ul > li");
    await expect(directResponses.count()).resolves.toBe(10);
    await expect(page.getByRole("region", { name: "Opposing" }).locator(":scope > ul > li").count()).resolves.toBe(4);

    // Replies: three shown under the newest argument, the other three one link away.
    const newest = directResponses.first();
    await expect(newest.getByText("Direct argument number 25.").first().isVisible()).resolves.toBe(true);
    await expect(newest.getByText(/^Reply number \d to the newest\.$/).count()).resolves.toBe(3);
    await expect(newest.getByText("Two levels down the chain.").isVisible()).resolves.toBe(false);

    await supporting.getByRole("link", { name: /Show 10 more supporting/ }).click();
    await page.waitForURL(/supporting=20/);
    await expect(directResponses.count()).resolves.toBe(20);
    await supporting.getByRole("link", { name: /Show 5 more supporting/ }).click();
    await page.waitForURL(/supporting=25/);
    await expect(directResponses.count()).resolves.toBe(25);
    await expect(supporting.getByRole("link", { name: /Show .* more supporting/ }).count()).resolves.toBe(0);

    await newest.getByRole("link", { name: "3 more replies →" }).click();
    await page.waitForURL(/\/responses\/long-root-25$/);
    await expect(page.getByText(/^Reply number \d to the newest\.$/).count()).resolves.toBe(6);
    await expect(page.getByText("Two levels down the chain.").isVisible()).resolves.toBe(true);
    // The third level is one more link away.
    await page.getByRole("link", { name: "Continue this thread (1 response) →" }).click();
    await page.waitForURL(/\/responses\/long-deep-2$/);
    await expect(page.getByText("Three levels down the chain.").isVisible()).resolves.toBe(true);
    await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Longwinded" }).count()).resolves.toBe(2);
  });

  test("readers get the shared page, and a new response replaces it at once", async () => {
    const claimId = await claimOfItsOwn("cached");
    const url = `${appUrl}/claims/${claimId}?sort=newest`;
    await fetch(url);
    const cached = await fetch(url);
    expect(cached.headers.get("x-arguably-cache")).toBe("hit");
    await appSql(
      `insert into "Response" (id, "claimId", stance, "authorId", body) values ('cache-check', $1, 'oppose', (select id from "User" limit 1), 'Written straight into the database.')`,
      [claimId],
    );
    const page = await newPage();
    await page.goto(`/claims/${claimId}?sort=newest`);
    await expect(page.getByTestId("response-body").getByText("Written straight into the database.").isVisible()).resolves.toBe(true);
    // A session cookie that names nobody gets the same shared page (tests/e2e/shared-pages.test.ts has real people).
    const withCookie = await fetch(url, { headers: { cookie: "next-auth.session-token=anything" } });
    expect(withCookie.headers.get("x-arguably-cache")).toBe("hit");
    expect(await withCookie.text()).toBe(await (await fetch(url)).text());
  });
});
