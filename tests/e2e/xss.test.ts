// Every XSS payload from content/datasets/xss/ (MIT), stored as response text, display names, an article's
// title, byline and body, then rendered in Chromium: no dialog opens, no payload's script runs, and no
// inline event handler or javascript:/data: link reaches the DOM. Rows are written straight to the
// database, as an attacker who got past every form would have them.
import fs from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { appSql } from "../support/app-database";
import { chromiumPath, setUpBrowser } from "../support/browser";

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
      handlers: elements.flatMap((element) => [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `${element.tagName} ${attribute.name}`)),
      badLinks: [...document.querySelectorAll("[href],[src],[action],[formaction]")]
        .map((element) => element.getAttribute("href") ?? element.getAttribute("src") ?? element.getAttribute("action") ?? element.getAttribute("formaction") ?? "")
        .filter((value) => /^\s*(javascript|vbscript|data):/i.test(value)),
      foreignScripts: [...document.querySelectorAll("script")].filter((script) => !script.nonce).length,
      ran: (window as unknown as { __xss?: boolean }).__xss === true,
    };
  });
  return { dialogs, ...dom };
}

describe.skipIf(!chromiumPath)("cross-site scripting", () => {
  test(`${PAYLOADS.length} payloads as responses, names, and an article's title, byline and body never run`, { timeout: 180_000 }, async () => {
    const [{ id: claimId }] = await appSql<{ id: string }>(
      `select c.id from "Claim" c join "Article" a on a.id = c."articleId" where a.slug like 'why-the-us%' order by c.start desc limit 1`,
    );
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
    for (const url of [`/claims/${claimId}?sort=newest`, "/articles/xss-article", "/", "/users/xss-user-1", `/articles/why-the-us-may-be-pushing-the-controversial-korea-scenario-for-ukraine?claim=${claimId}`]) {
      const result = await audit(page, url);
      expect(result, url).toEqual({ dialogs: [], handlers: [], badLinks: [], foreignScripts: 0, ran: false });
    }
    // The payloads are there, as text.
    await page.goto(`/claims/${claimId}?sort=newest`);
    expect(await page.getByTestId("response").count()).toBeGreaterThan(100);
  });
});
