import { describe, expect, test } from "vitest";
import { chromiumPath, setUpBrowser } from "../support/browser";

const newPage = setUpBrowser();

const KOREA = {
  title: "Why The U.S. May Be Pushing The Controversial “Korea Scenario” For Ukraine",
  firstParagraph: "The final communiqué of the NATO summit in Vilnius mentioned Ukraine 45 times",
  thesis: "Whatever its cause — whether Moscow-centrism",
};
const NATO = {
  title: "Time to start thinking about walking away from NATO invite to Ukraine",
  firstParagraph: "Ukraine will not join NATO — not now, and most probably not ever.",
  thesis: "Ukraine will not join NATO — not now, and most probably not ever.",
};

// Scraped page furniture and unrelated stories that must never show as article text.
const NEVER_SHOWN = [
  "Sign up to our",
  "Already a subscriber",
  "reached your limit",
  "free trial",
  "Subscribe to Worldcrunch",
  "Follow us on social",
  "Parenthood Reinvented My Sex Life",
  "threesome",
  "keep reading",
  "Editorial credit",
  "Shutterstock",
  "Trade review process could rock the calm",
  "decertify Colombia",
  "photo of",
  "Planet Pix via ZUMA",
  "Stay up-to-date with the latest",
];

describe.skipIf(!chromiumPath)("reading the demo articles", () => {
  test("the home page lists both demo articles with byline, opening words and what is happening in them", async () => {
    const page = await newPage();
    await page.goto("/");
    const list = page.getByRole("region", { name: "Articles" });
    await list.getByRole("link", { name: KOREA.title }).waitFor();
    await list.getByRole("link", { name: NATO.title }).waitFor();
    const entry = (title: string) =>
      list
        .getByRole("listitem")
        .filter({ has: page.getByRole("link", { name: title }) })
        .innerText();
    await expect(entry(KOREA.title)).resolves.toMatch(/By Yuri Fedorov\n/);
    for (const article of [KOREA, NATO]) {
      const text = await entry(article.title);
      expect(text).toContain(article.firstParagraph.slice(0, 60));
      expect(text).toMatch(/\d+ claims · [\d,]+ (response|responses) · (added|last activity) /);
    }
  });

  for (const article of [KOREA, NATO]) {
    test(`"${article.title.slice(0, 40)}…" shows its title and body and none of the scraped page around it`, async () => {
      const page = await newPage();
      await page.goto("/");
      await page.getByRole("region", { name: "Articles" }).getByRole("link", { name: article.title }).click();
      await page.waitForURL(/\/articles\//);
      await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe(article.title);
      const body = page.getByTestId("article-body");
      const firstParagraph = body.locator("p").first();
      await firstParagraph.waitFor();
      expect(await firstParagraph.innerText()).toContain(article.firstParagraph);
      const claims = await body.getByTestId("claim").allInnerTexts();
      expect(claims.length).toBeGreaterThan(3);
      expect(claims.some((claim) => claim.startsWith(article.thesis))).toBe(true);
      // Marked in place: each claim sits inside a paragraph of the body, in reading order.
      const bodyText = await body.innerText();
      const positions = claims.map((claim) => bodyText.indexOf(claim));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      const pageText = (await page.locator("main").innerText()).toLowerCase();
      for (const phrase of NEVER_SHOWN) expect(pageText, `page shows "${phrase}"`).not.toContain(phrase.toLowerCase());
    });
  }

  test("an unknown article gives a friendly not-found page", async () => {
    const page = await newPage();
    const response = await page.goto("/articles/no-such-article");
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { name: "Not found" }).waitFor();
  });
});
