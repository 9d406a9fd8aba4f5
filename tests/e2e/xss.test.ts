// Every XSS payload from content/datasets/xss/ (MIT), stored as response text, display names, an article's
// title, byline and body, claim wording, and sent through the editor's import forms, then rendered in
// Chromium: no dialog opens, no payload's script runs, and no inline event handler or javascript:/data:
// link reaches the DOM. Most rows are written straight to the database, as an attacker who got past
// every form would have them.
import fs from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { appSql, createArticleWithClaim } from "../support/app-database";
import { chromiumPath, setUpBrowser, signUp, uniqueEmail } from "../support/browser";

const newPage = setUpBrowser();

const PAYLOADS = fs
  .readdirSync("content/datasets/xss")
  .filter((file) => file.endsWith(".txt"))
  .flatMap((file) => fs.readFileSync(`content/datasets/xss/${file}`, "utf8").split("\n"))
  .map((line) => line.replace(/\r$/, ""))
  .filter((line) => line.trim());

async function audit(page: Page, url: string) {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url);
  await page.waitForLoadState("load");
  const dom = await page.evaluate(() => {
    const elements = [...document.querySelectorAll("*")];
    return {
      handlers: elements.flatMap((element) =>
        [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `${element.tagName} ${attribute.name}`),
      ),
      badLinks: [...document.querySelectorAll("[href],[src],[action],[formaction]")]
        .map(
          (element) =>
            element.getAttribute("href") ?? element.getAttribute("src") ?? element.getAttribute("action") ?? element.getAttribute("formaction") ?? "",
        )
        .filter((value) => /^\s*(javascript|vbscript|data):/i.test(value)),
      // Scripts without the page's nonce, except the app's own code chunks that Next.js's runtime loads as
      // the page needs them (the policy's 'strict-dynamic' admits what nonced scripts load; proxy.ts).
      foreignScripts: [...document.querySelectorAll("script")].filter(
        (script) =>
          !script.nonce && !(script.src && new URL(script.src).origin === location.origin && new URL(script.src).pathname.startsWith("/_next/static/chunks/")),
      ).length,
      ran: (window as unknown as { __xss?: boolean }).__xss === true,
    };
  });
  return { dialogs, ...dom };
}

describe.skipIf(!chromiumPath)("cross-site scripting", () => {
  test(`${PAYLOADS.length} payloads as responses, names, and an article's title, byline and body never run`, { timeout: 180_000 }, async () => {
    // A debate of its own: the page must show exactly the payloads, and other tests post on the demos.
    const claim = "Payloads are text, never markup.";
    const claimId = await createArticleWithClaim({ id: "xss-debate-article", title: "A debate full of payloads", body: `${claim} Every one of them.`, claim });
    const names = PAYLOADS.slice(0, 40);
    await appSql(
      `insert into "User" (id, email, name, role, "createdAt", "updatedAt")
       select 'xss-user-' || n, 'xss-' || n || '@example.com', name, 'user', now() - interval '2 days', now()
       from unnest($1::text[]) with ordinality as t(name, n)`,
      [names],
    );
    await appSql(
      `insert into "Response" (id, "claimId", stance, "authorId", body, "createdAt")
       select 'xss-response-' || n, $1, case when n % 2 = 0 then 'support' else 'oppose' end::"Stance",
              'xss-user-' || (1 + n % $3), body, now() - (n || ' seconds')::interval
       from unnest($2::text[]) with ordinality as t(body, n)`,
      [claimId, PAYLOADS, names.length],
    );
    const title = PAYLOADS.find((payload) => payload.includes("<script")) ?? PAYLOADS[0];
    const body = PAYLOADS.slice(0, 60).join(" ");
    await appSql(
      `insert into "Article" (id, slug, title, byline, body, blocks, "sourceHash", status, "importedAt")
       values ('xss-article', 'xss-article', $1, $2, $3, $4::jsonb, 'xss-source', 'published', now())`,
      [title, PAYLOADS[1], body, JSON.stringify([{ kind: "paragraph", start: 0, end: body.length }])],
    );

    const page = await newPage();
    // A claim page shows 10 responses per stance at first; "show more" goes up to 500 per stance.
    const everyResponse = "sort=newest&supporting=500&opposing=500";
    for (const url of [
      `/claims/${claimId}?${everyResponse}`,
      "/articles/xss-article",
      "/",
      "/users/xss-user-1",
      `/articles/xss-debate-article?claim=${claimId}&${everyResponse}`,
    ]) {
      const result = await audit(page, url);
      expect(result, url).toEqual({ dialogs: [], handlers: [], badLinks: [], foreignScripts: 0, ran: false });
    }
    // The payloads are there, as text.
    await page.goto(`/claims/${claimId}?${everyResponse}`);
    expect(await page.getByTestId("response").count()).toBe(PAYLOADS.length);
  });

  test("payloads sent through the import forms (text and HTML) and set as claim wording never run", { timeout: 180_000 }, async () => {
    const page = await newPage();
    const email = uniqueEmail("xss-editor");
    await signUp(page, { name: "Xavier Editor", email, password: "correct horse battery" });
    await page.getByTestId("signed-in-user").waitFor();
    await appSql(`update "User" set role = 'editor' where email = $1`, [email]);

    const half = Math.ceil(PAYLOADS.length / 2);
    await page.goto("/editor/new");
    await page.getByLabel("The article's text").fill(["Payloads pasted as text", ...PAYLOADS.slice(0, half)].join("\n\n"));
    await page.getByRole("button", { name: "Import and review" }).click();
    await page.waitForURL(/\/editor\/articles\//, { timeout: 60_000 });
    const textReview = new URL(page.url()).pathname;

    await page.goto("/editor/new");
    await page.getByText("Paste HTML").click();
    // Inside sentences of prose, so the importer keeps them as the article (bare fragments are not prose).
    const paragraphs = PAYLOADS.slice(half)
      .map((payload) => `<p>A reader pasted this paragraph to see what the importer keeps, ${payload} and it goes on in plain words afterwards.</p>`)
      .join("\n");
    await page
      .getByLabel("The page's HTML")
      .fill(`<html><head><title>Payloads pasted as HTML</title></head><body><article><h1>Payloads pasted as HTML</h1>${paragraphs}</article></body></html>`);
    await page.getByRole("button", { name: "Import and review" }).click();
    await page.waitForURL(/\/editor\/articles\//, { timeout: 60_000 });
    const htmlReview = new URL(page.url()).pathname;

    // Claims on the drafts' paragraphs (payload text is rarely claim-like), each worded as a payload, as
    // an editor's "Reword" stores it; then both drafts are published.
    const articleIds = [textReview, htmlReview].map((path) => path.split("/").pop()!);
    await appSql(
      `insert into "Claim" (id, "articleId", start, "end", exact, prefix, suffix, text, origin, "createdAt", "updatedAt")
       select 'xss-claim-' || a.id || '-' || b.n, a.id, (b.block->>'start')::int, (b.block->>'end')::int,
              substring(a.body from (b.block->>'start')::int + 1 for (b.block->>'end')::int - (b.block->>'start')::int), '', '',
              ($2::text[])[1 + (b.n::int % array_length($2::text[], 1))], 'editor', now(), now()
       from "Article" a cross join lateral jsonb_array_elements(a.blocks) with ordinality as b(block, n)
       where a.id = any($1::text[]) and b.n <= 25 and b.block->>'kind' = 'paragraph'
       on conflict do nothing`,
      [articleIds, PAYLOADS.map((payload) => payload.slice(0, 1000))],
    );
    const claims = await appSql<{ id: string }>(`select id from "Claim" where "articleId" = any($1::text[]) order by id`, [articleIds]);
    expect(claims.length).toBeGreaterThan(10);
    for (const review of [textReview, htmlReview]) {
      expect(await audit(page, review), review).toEqual({ dialogs: [], handlers: [], badLinks: [], foreignScripts: 0, ran: false });
    }
    const published = await appSql<{ slug: string }>(`update "Article" set status = 'published' where id = any($1::text[]) returning slug`, [articleIds]);
    for (const url of [
      ...published.map((article) => `/articles/${article.slug}`),
      `/claims/${claims[0].id}`,
      `/articles/${published[0].slug}?claim=${claims[1].id}`,
    ]) {
      expect(await audit(page, url), url).toEqual({ dialogs: [], handlers: [], badLinks: [], foreignScripts: 0, ran: false });
    }
    // The wording is shown, as text.
    await page.goto(`/claims/${claims[0].id}`);
    const [{ text }] = await appSql<{ text: string }>(`select text from "Claim" where id = $1`, [claims[0].id]);
    await expect(page.getByTestId("claim-discussion").innerText()).resolves.toContain(text.trim().slice(0, 12));
  });
});
