import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { alertText, appUrl, chromiumPath, setUpBrowser, signUp, uniqueEmail } from "../support/browser";
import { appSql } from "../support/app-database";

const newPage = setUpBrowser();
const PASSWORD = "correct horse battery";

async function signedInAs(role: "user" | "editor") {
  const page = await newPage();
  const email = uniqueEmail(role);
  await signUp(page, { name: role === "editor" ? "Eddie Editor" : "Uma User", email, password: PASSWORD });
  await page.getByTestId("signed-in-user").waitFor();
  await appSql(`update "User" set role = $2 where email = $1`, [email, role]);
  await page.reload();
  return page;
}

const A = "A single structured parking space now costs upwards of $30,000 to build.";
const B = "Most garages sit half empty outside of peak hours.";
const ARTICLE = [
  "Home | Opinion | Cities",
  "Cities should stop building parking garages",
  "By Jane Q. Doe",
  "Downtown parking garages cost cities far more than they return. The money would do more good in buses and bike lanes.",
  `${A} ${B}`,
  "Sign up for our newsletter",
  "The council should cancel the new garage and fund the tram extension instead, because the tram will carry more people for less money.",
  "Related stories",
].join("\n");

/** Selects `text` inside the review body, as a person dragging the mouse would. */
async function select(page: Page, text: string) {
  await page.getByTestId("review-body").evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent!.indexOf(wanted);
      if (index === -1) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + wanted.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`text not found: ${wanted}`);
  }, text);
}

/** Selects from the start of `from` to the end of `to`, which may lie in different runs of text. */
async function selectAcross(page: Page, from: string, to: string) {
  await page.getByTestId("review-body").evaluate(
    (root, [first, last]) => {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const startNode = nodes.find((node) => node.textContent!.includes(first))!;
      const endNode = nodes.find((node) => node.textContent!.includes(last))!;
      const range = document.createRange();
      range.setStart(startNode, startNode.textContent!.indexOf(first));
      range.setEnd(endNode, endNode.textContent!.indexOf(last) + last.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    },
    [from, to] as const,
  );
}

/** Puts the caret inside a marked claim, `offset` characters in. */
async function placeCaret(page: Page, claimText: string, offset: number) {
  await page.getByTestId("review-body").evaluate(
    (root, [wanted, at]) => {
      const mark = [...root.querySelectorAll("mark")].find((element) => element.textContent === wanted)!;
      const range = document.createRange();
      range.setStart(mark.firstChild!, at as number);
      range.collapse(true);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    },
    [claimText, offset] as const,
  );
}

async function cardTexts(page: Page) {
  return page.getByTestId("claim-card").locator("p.font-serif").allInnerTexts();
}

async function waitForCards(page: Page, count: number) {
  await page.waitForFunction((expected) => document.querySelectorAll('[data-testid="claim-card"]').length === expected, count);
}

describe.skipIf(!chromiumPath)("the editor's review", () => {
  test("import pasted text, adjust the claims, publish: readers see exactly the reviewed claims", async () => {
    const page = await signedInAs("editor");
    await page.getByRole("link", { name: "Editor's desk" }).click();
    await page.getByRole("link", { name: "New article" }).click();
    await page.getByLabel("The article's text").fill(ARTICLE);
    await page.getByLabel("Where it was published (optional)").fill("https://news.example/opinion/garages");
    await page.getByRole("button", { name: "Import and review" }).click();
    await page.waitForURL(/\/editor\/articles\//);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Cities should stop building parking garages");
    const body = await page.getByTestId("review-body").innerText();
    expect(body).toContain(A);
    for (const furniture of ["Home | Opinion", "Sign up for our newsletter", "Related stories", "Jane Q. Doe"]) expect(body).not.toContain(furniture);

    // Dismiss whatever the detector proposed, so the rest of the test starts from a known state.
    for (let cards = await page.getByTestId("claim-card").count(); cards > 0; cards--) {
      await page.getByTestId("claim-card").first().getByRole("button", { name: "Dismiss" }).click();
      await waitForCards(page, cards - 1);
    }

    await select(page, A);
    await page.getByRole("button", { name: "Mark as claim" }).click();
    await waitForCards(page, 1);
    await select(page, B);
    await page.getByRole("button", { name: "Mark as claim" }).click();
    await waitForCards(page, 2);
    await expect(cardTexts(page)).resolves.toEqual([A, B]);
    await expect(page.getByTestId("claim-card").first().innerText()).resolves.toContain("Marked by an editor");

    await page.getByTestId("claim-card").first().getByRole("button", { name: "Merge with next" }).click();
    await waitForCards(page, 1);
    await expect(cardTexts(page)).resolves.toEqual([`${A} ${B}`]);

    await placeCaret(page, `${A} ${B}`, A.length + 1);
    await page.getByRole("button", { name: "Split here" }).click();
    await waitForCards(page, 2);
    await expect(cardTexts(page)).resolves.toEqual([A, B]);

    const reworded = "Building one garage space costs more than $30,000.";
    await page.getByTestId("claim-card").first().getByRole("button", { name: "Reword" }).click();
    await page.getByLabel("Claim as readers see it").fill(reworded);
    await page.getByRole("button", { name: "Save wording" }).click();
    await page.getByText(`Quote: “${A}”`).waitFor();
    await expect(cardTexts(page)).resolves.toEqual([reworded, B]);

    // Overlapping an existing claim is refused with a reason.
    await selectAcross(page, "costs upwards of $30,000", "Most garages");
    await page.getByRole("button", { name: "Mark as claim" }).click();
    await expect(alertText(page, "overlaps")).resolves.toContain("That text overlaps a claim already marked.");

    await page.getByRole("button", { name: "Publish article" }).click();
    await page.waitForURL(/\/articles\/cities-should-stop-building-parking-garages/);
    const marks = page.getByTestId("article-body").getByTestId("claim");
    await expect(marks.allInnerTexts()).resolves.toEqual([A, B]);
    await expect(marks.first().getAttribute("title")).resolves.toBe(`Claim: ${reworded}`);
    await page.goto("/");
    await page.getByRole("region", { name: "Articles" }).getByRole("link", { name: "Cities should stop building parking garages" }).waitFor();

    // The annotations point at the original first, with offsets into the text as it was pasted.
    const collection = await (await fetch(`${appUrl}/api/articles/cities-should-stop-building-parking-garages/export?format=annotations`)).json();
    const [first] = collection.first.items as { target: { source: string; selector: { type: string; exact?: string; start?: number; end?: number }[] }[] }[];
    expect(first.target.map((target) => target.source)).toEqual([
      "https://news.example/opinion/garages",
      expect.stringMatching(/\/articles\/cities-should-stop-building-parking-garages$/),
    ]);
    const [quote, position] = first.target[0].selector;
    expect(quote.exact).toBe(A);
    expect([...ARTICLE].slice(position.start, position.end).join("")).toBe(A);
  });

  test("a draft is invisible to readers until it is published", async () => {
    const editor = await signedInAs("editor");
    await editor.goto("/editor/new");
    await editor.getByText("Paste HTML").click();
    const paragraphs = ARTICLE.split("\n")
      .slice(3)
      // Another article, not the garages one again (one article per original: the same body would open it).
      .map((line) => `<p>${line.replace("the tram extension", "more bus lanes")}</p>`)
      .join("");
    await editor
      .getByLabel("The page's HTML")
      .fill(
        `<html><head><title>Cities should stop building car parks | The Daily</title></head><body><nav>Home | Opinion</nav><article><h1>Cities should stop building car parks</h1>${paragraphs}</article></body></html>`,
      );
    await editor.getByRole("button", { name: "Import and review" }).click();
    await editor.waitForURL(/\/editor\/articles\//);
    const [{ slug }] = await appSql(`select slug from "Article" where title = 'Cities should stop building car parks'`);
    const reader = await newPage();
    const response = await reader.goto(`/articles/${slug}`);
    expect(response?.status()).toBe(404);
    await reader.goto("/");
    expect(await reader.getByRole("link", { name: "Cities should stop building car parks" }).count()).toBe(0);
  });

  test("bad imports explain themselves on the form and store nothing", async () => {
    const page = await signedInAs("editor");
    await page.goto("/editor/new");
    const before = (await appSql(`select count(*)::int as n from "Article"`))[0].n;
    await page.getByText("From a URL").click();
    await page.getByLabel("Article address").fill("http://127.0.0.1:9/private");
    await page.getByRole("button", { name: "Import and review" }).click();
    await expect(alertText(page, "Refusing")).resolves.toBe("Refusing to fetch 127.0.0.1: it points to a private or local address.");
    await page.getByText("Paste text").click();
    await page.getByLabel("The article's text").fill("Home\nWorld\nSign in");
    await page.getByRole("button", { name: "Import and review" }).click();
    await expect(alertText(page, "No article")).resolves.toBe("No article text found: the input has no paragraphs of prose.");
    await expect(page.getByLabel("The article's text").inputValue()).resolves.toBe("Home\nWorld\nSign in");
    expect((await appSql(`select count(*)::int as n from "Article"`))[0].n).toBe(before);
  });

  test("readers cannot import or review, in the page or through the API", async () => {
    const page = await signedInAs("user");
    const refused = await page.goto("/editor/new");
    expect(refused?.status()).toBe(403);
    await page.getByText("Only editors can import and review articles.").waitFor();
    const status = await page.evaluate(async () => {
      const response = await fetch("/api/editor/import", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ mode: "text", content: "Some text." }),
      });
      return response.status;
    });
    expect(status).toBe(403);
    const anonymous = await fetch(`${appUrl}/api/editor/import`, {
      method: "POST",
      headers: { Origin: appUrl, "Content-Type": "application/json" },
      body: "{}",
    });
    expect(anonymous.status).toBe(401);
    const foreign = await fetch(`${appUrl}/api/editor/import`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/json" },
      body: "{}",
    });
    expect(foreign.status).toBe(403);
  });
  test("a debate from another tool (Argdown) is imported, reviewed and published; a malformed one is refused with the line", async () => {
    const page = await signedInAs("editor");
    await page.goto("/editor/new");
    await page.getByText("Argdown debate").click();
    await page.getByLabel("The debate in Argdown").fill("[Claim]: Zoos do more good than harm.\n  + [A]");
    await page.getByRole("button", { name: "Import and review" }).click();
    await expect(alertText(page, "cannot be imported")).resolves.toContain(
      "That Argdown file cannot be imported: line 2: [A] is referred to but never given a text",
    );

    await page
      .getByLabel("The debate in Argdown")
      .fill(
        [
          "[Claim]: Zoos do more good than harm.",
          "  + [A]: Breeding programmes saved the Arabian oryx.",
          "    - [B]: A handful of species, at great cost.",
          "  - [C]: Most animals in zoos are not endangered.",
        ].join("\n"),
      );
    await page.getByRole("button", { name: "Import and review" }).click();
    await page.waitForURL(/\/editor\/articles\//);
    await page.getByRole("button", { name: "Publish article" }).click();
    await page.waitForURL(/\/articles\/debate-zoos-do-more-good-than-harm/);
    const href = await page.getByTestId("claim").first().locator("xpath=..").getAttribute("href");
    await page.goto(`${href}?sort=newest`);
    await expect(page.getByRole("region", { name: "Supporting" }).getByText("Breeding programmes saved the Arabian oryx.").isVisible()).resolves.toBe(true);
    await expect(page.getByRole("region", { name: "Opposing" }).getByText("Most animals in zoos are not endangered.").isVisible()).resolves.toBe(true);
    await expect(page.getByText("A handful of species, at great cost.").isVisible()).resolves.toBe(true);
  });
});
