// Issue 29: what a browser's view costs the server. A view of a shared page asks for that page (its
// shared render) and the person's layer, and nothing the server must render for it: no prefetch of
// every link on sight, no in-app navigation rendered per reader (server/page-cache.ts, decision 022).
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { createArticleWithClaim } from "../support/app-database";
import { appUrl, chromiumPath, DESKTOP, pageAs, PHONE, setUpBrowser } from "../support/browser";
import { createAccount } from "../support/http";

const newPage = setUpBrowser();

// Files the browser keeps (hashed names), the live stream (held open, no render) and the icons.
const NOT_ASKED_PER_VIEW = /^\/(?:_next\/static\/|api\/live|favicon\.ico|icon\.svg|apple-icon\.png)/;

interface Answer {
  path: string;
  /** From the shared render ("hit"), rendered by Next.js for it ("miss"), or neither (null). */
  cache: string | null;
  component: boolean;
}

/** Every answer from the app to `page` from now on, with whether the page cache served it. */
function answersTo(page: Page) {
  const answers: Answer[] = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.origin !== new URL(appUrl).origin || NOT_ASKED_PER_VIEW.test(url.pathname)) return;
    answers.push({
      path: url.pathname + url.search.replace(/[?&]_rsc=[^&]*/, ""),
      cache: response.headers()["x-arguably-cache"] ?? null,
      component: response.request().headers().rsc === "1",
    });
  });
  return answers;
}

describe.skipIf(!chromiumPath)("what a view costs the server", () => {
  test("an article view asks for its shared page and the person's layer only, signed in or not; nothing is rendered for it", async () => {
    await createArticleWithClaim({
      id: "view-cost-article",
      title: "Reading costs",
      body: "Libraries should open on Sundays. Most people work on the other days of the week.",
      claim: "Libraries should open on Sundays.",
    });
    const reader = await createAccount("view-cost-reader");
    // The first reader's view renders the page once; every view after it is served from that render.
    await fetch(`${appUrl}/articles/view-cost-article`);

    for (const who of ["anonymous", "signed in"] as const) {
      const page = who === "anonymous" ? await newPage(DESKTOP) : (await pageAs(newPage, reader, DESKTOP)).page;
      const answers = answersTo(page);
      await page.goto("/articles/view-cost-article");
      await page.locator("article a[data-claim-id]").first().waitFor();
      // Long enough for prefetches of on-screen links and the person's layer to have gone out.
      await page.waitForTimeout(2_000);
      expect(
        answers.map(({ path, cache }) => `${path} ${cache ?? "-"}`),
        who,
      ).toEqual([`/articles/view-cost-article hit`, expect.stringMatching(/^\/api\/viewer\?article=\S+ -$/)]);
    }
  });

  test("a claim opened from the article shows its debate at once, from the shared render, on a wide screen and on a phone", async () => {
    const claimId = await createArticleWithClaim({
      id: "open-fast-article",
      title: "Opening claims",
      body: "Trains should run all night at weekends. Late workers have no other way home.",
      claim: "Trains should run all night at weekends.",
    });
    const reader = await createAccount("open-fast-reader");

    // The first reader to open it beside the text has it rendered; the next one is served that render.
    for (const [round, who] of [
      [1, "first"],
      [2, "second"],
    ] as const) {
      const { page } = await pageAs(newPage, reader, DESKTOP);
      await page.goto("/articles/open-fast-article");
      const answers = answersTo(page);
      const mark = page.locator(`article a[data-claim-id="${claimId}"]`);
      await mark.hover();
      const started = Date.now();
      await mark.click();
      await page.getByRole("complementary").getByTestId("claim-discussion").waitFor({ timeout: 5_000 });
      const opened = Date.now() - started;
      expect(new URL(page.url()).searchParams.get("claim")).toBe(claimId);
      const navigation = answers.filter((answer) => answer.component && answer.path.includes(`claim=${claimId}`));
      expect(navigation.length, who).toBeGreaterThan(0);
      if (round === 2) {
        expect(navigation.map((answer) => answer.cache)).toEqual(navigation.map(() => "hit"));
        // "At once": a cached answer on this machine, with room for a busy test run.
        expect(opened).toBeLessThan(2_000);
      }
    }

    // On a phone a tap opens the claim's own page, the same way.
    for (const round of [1, 2]) {
      const page = await newPage(PHONE);
      await page.goto("/articles/open-fast-article");
      const answers = answersTo(page);
      await page.locator(`article a[data-claim-id="${claimId}"]`).tap();
      await page.waitForURL(`**/claims/${claimId}`);
      await page.getByTestId("claim-discussion").waitFor({ timeout: 5_000 });
      const navigation = answers.filter((answer) => answer.component && answer.path.startsWith(`/claims/${claimId}`));
      expect(navigation.length).toBeGreaterThan(0);
      if (round === 2) expect(navigation.map((answer) => answer.cache)).toEqual(navigation.map(() => "hit"));
    }
  });
});
