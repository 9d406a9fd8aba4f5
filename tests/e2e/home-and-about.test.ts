// Issue 28, item 2: the home page leads with live debates (the most argued claims, each with its
// strongest argument on either side), then the articles with what is happening in them; a first
// visitor is told in one line how it works, and there is an About page. Served from the shared render.
import { beforeAll, describe, expect, test } from "vitest";
import { appSql, createArticleWithClaim } from "../support/app-database";
import { appUrl, chromiumPath, DESKTOP, PHONE, setUpBrowser } from "../support/browser";
import { createAccount, postResponseAs, signedIn } from "../support/http";

const newPage = setUpBrowser();
const CLAIM = "Rent caps protect tenants more than they deter builders.";
const STRONG_FOR = "Berlin's cap kept thousands of families in homes they could otherwise no longer afford.";
const WEAK_FOR = "Tenants like rent caps.";
const STRONG_AGAINST = "Construction permits in capped districts fell by a third within two years of the cap.";
let claimId = "";

beforeAll(async () => {
  claimId = await createArticleWithClaim({
    id: "home-debate-article",
    title: "Rent caps under the microscope",
    body: `${CLAIM} Economists have argued about them for a century, and the evidence from Berlin, Stockholm and San Francisco points in more than one direction.`,
    claim: CLAIM,
  });
  const author = await signedIn(appUrl, await createAccount("hal-home"));
  await postResponseAs(author, claimId, WEAK_FOR);
  await postResponseAs(author, claimId, STRONG_FOR);
  await postResponseAs(author, claimId, STRONG_AGAINST, { stance: "oppose" });
  // The most argued claim on the site: a long debate, most of it this week.
  await appSql(
    `insert into "Response" (id, "claimId", stance, "authorId", body, "createdAt")
     select 'home-filler-' || n, $1, 'oppose', (select id from "User" where name = 'hal-home'), 'A further opposing point, number ' || n || ', for the count.', now() - make_interval(mins => n)
     from generate_series(1, 80) n`,
    [claimId],
  );
  // Votes make one argument on each side the strongest.
  for (const name of ["vi-one", "vi-two", "vi-three"]) {
    const voter = await signedIn(appUrl, await createAccount(name));
    for (const [body, value] of [
      [STRONG_FOR, "strong"],
      [WEAK_FOR, "weak"],
      [STRONG_AGAINST, "strong"],
    ]) {
      const [{ id }] = await appSql<{ id: string }>(`select id from "Response" where body = $1`, [body]);
      const result = await voter.action(
        { file: "app/claims/[id]/actions.ts", name: "voteOnResponseAction", page: `/claims/${claimId}` },
        { claimId, responseId: id, value },
      );
      expect(result.ok).toBe(true);
    }
  }
});

describe.skipIf(!chromiumPath)("the home page leads with live debates", () => {
  test("the most argued claims come first, each with its strongest argument for and against, its counts and when the last argument came", async () => {
    const page = await newPage(DESKTOP);
    await page.goto("/");
    const debates = page.getByRole("region", { name: "Live debates" });
    // Other tests' debates are on this site too (one of 876 payloads): this one is among the most argued.
    const first = debates.getByRole("listitem").filter({ has: page.getByRole("link", { name: CLAIM }) });
    await expect(first.getByRole("link", { name: CLAIM }).getAttribute("href")).resolves.toBe(`/claims/${claimId}`);
    await first.getByText(STRONG_FOR).waitFor();
    await first.getByText(STRONG_AGAINST).waitFor();
    expect(await first.getByText(WEAK_FOR).count()).toBe(0);
    const text = await first.innerText();
    expect(text).toContain("2 for · 81 against");
    expect(text).toMatch(/last argument (just now|\d+ minutes? ago)/);
    // The first debate's arguments are within the first screen.
    const box = await debates
      .getByRole("listitem")
      .first()
      .getByText(/^Strongest against:/)
      .boundingBox();
    expect(box!.y + box!.height).toBeLessThan(800);
  });

  test("articles come with an excerpt, their claims and responses, and their last activity; a first visitor reads how it works", async () => {
    const page = await newPage(PHONE);
    await page.goto("/");
    await page
      .getByText(/Pick a claim/)
      .first()
      .waitFor();
    const articles = page.getByRole("region", { name: "Articles" });
    const item = articles.getByRole("listitem").filter({ hasText: "Rent caps under the microscope" });
    const text = await item.innerText();
    expect(text).toContain("Economists have argued about them for a century");
    expect(text).toMatch(/1 claim · 83 responses · last activity/);
    const nato = await articles.getByRole("listitem").filter({ hasText: "NATO invite" }).innerText();
    expect(nato).toMatch(/\d+ claims/);
    expect(nato).not.toContain("Imported");
    await page
      .getByRole("link", { name: /How it works|About Arguably/ })
      .first()
      .click();
    await page.waitForURL(/\/about$/);
    await page.getByRole("heading", { level: 1, name: /About Arguably/ }).waitFor();
    await page
      .getByRole("heading", { name: /standing/i })
      .first()
      .waitFor();
  });

  test("is served from the shared render and a new argument replaces it at once", async () => {
    await fetch(`${appUrl}/`);
    const again = await fetch(`${appUrl}/`);
    expect(again.headers.get("x-arguably-cache")).toBe("hit");
    const author = await signedIn(appUrl, await createAccount("nia-new"));
    const body = "Stockholm's decades of caps left a queue for flats that is longer than a childhood.";
    await postResponseAs(author, claimId, body, { stance: "oppose" });
    const textOf = async () => (await (await fetch(`${appUrl}/`)).text()).replace(/<[^>]+>/g, "");
    let text = "";
    for (let tries = 0; tries < 20 && !text.includes("82 against"); tries++) {
      text = await textOf();
      if (!text.includes("82 against")) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(text).toContain("2 for · 82 against");
  });
});
