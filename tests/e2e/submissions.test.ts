// Readers bring the articles (issue 32), in a real browser against the real server and its job worker,
// with "the web" served from this machine on the one port FETCH_ALLOW_HOSTS admits.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { inject } from "vitest";
import { appUrl, chromiumPath, DESKTOP, pageAs, PHONE, setUpBrowser } from "../support/browser";
import { appSql, createArticleWithClaim } from "../support/app-database";
import { createAccount } from "../support/http";
import { waitForMail } from "../support/outbox";

const newPage = setUpBrowser();
const port = inject("outsidePagesPort");
const outside = `http://127.0.0.1:${port}`;

const ARTICLE = (slug: string, title: string, claim: string) => `<!doctype html><html><head><title>${title}</title>
<link rel="canonical" href="${outside}/${slug}"></head><body><nav>Home | Opinion | Subscribe</nav><article><h1>${title}</h1><p>By Mira Holt</p>
<p>${claim}</p>
<p>Every winter the same families are asked to choose between heating and eating, and the council answers with another consultation.</p>
<p>It should stop consulting and start paying, because the money it saves on repairs now is spent twice over on emergencies later.</p>
</article><aside>Read next: ten gadgets for your kitchen</aside></body></html>`;

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? "/", outside);
  if (url.pathname === "/warm-homes") {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(ARTICLE("warm-homes", "Warm homes are cheaper than cold ones", "Insulating every council flat would pay for itself within a decade."));
  } else if (url.pathname === "/desk.xml") {
    response.writeHead(200, { "Content-Type": "application/rss+xml" });
    response.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>The Housing Desk</title>
<item><title>Damp</title><link>${outside}/damp</link><guid>desk-damp</guid></item>
<item><title>Warm homes</title><link>${outside}/warm-homes?utm_source=rss</link><guid>desk-warm</guid></item></channel></rss>`);
  } else if (url.pathname === "/damp") {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(ARTICLE("damp", "Damp is a health emergency", "Landlords should be fined for every month a reported leak goes unrepaired."));
  } else if (url.pathname === "/broken.xml") {
    response.writeHead(500);
    response.end("down");
  } else if (url.pathname === "/front-page") {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end("<html><body><nav>Home | World | Sport | Sign in</nav><ul><li>Subscribe</li><li>Newsletters</li></ul></body></html>");
  } else if (url.pathname === "/picture.png") {
    response.writeHead(200, { "Content-Type": "image/png" });
    response.end("png");
  } else {
    response.writeHead(404);
    response.end();
  }
});

beforeAll(async () => {
  if (chromiumPath) await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
});
afterAll(async () => {
  if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
});

const submissionCount = async () => Number((await appSql<{ count: string }>(`select count(*) from "Submission"`))[0].count);

describe.skipIf(!chromiumPath)("readers bring the articles", () => {
  test("a reader's address becomes a draft marked as theirs, an editor publishes it, the reader sees it; the same article again lands once", async () => {
    // More articles than the front page's "New here" lists, so that it shows (with fewer, the list below has them all).
    for (const n of [1, 2, 3, 4, 5, 6]) {
      await createArticleWithClaim({
        id: `filler-${n}`,
        title: `Filler ${n}`,
        body: `Fillers make the list ${n} long. Nothing else.`,
        claim: `Fillers make the list ${n} long.`,
      });
    }
    const ada = await createAccount("ada-submits", { name: "Ada Submits" });
    await appSql(`update "User" set "emailVerified" = now() where id = $1`, [ada.id]);
    const { page } = await pageAs(newPage, ada, PHONE);
    await page.goto("/submit");
    await page.getByLabel("The article's address").fill(`${outside}/warm-homes?utm_source=newsletter&fbclid=x1`);
    await page.getByRole("button", { name: "Submit article" }).click();
    await page.waitForURL(/\/submissions\/\w+/);
    // The import runs in the background; the page follows it until an editor has it.
    await page.getByTestId("submission-state").filter({ hasText: "Waiting for an editor's review" }).waitFor({ timeout: 30_000 });

    const editor = (await pageAs(newPage, await createAccount("eddie-editor", { role: "editor" }), DESKTOP)).page;
    await editor.goto("/editor");
    const draft = editor.getByRole("listitem").filter({ hasText: "Warm homes are cheaper than cold ones" });
    await expect(draft.innerText()).resolves.toContain("submitted by Ada Submits");
    await draft.getByRole("link").click();
    await editor.getByTestId("submitted-by").waitFor();
    expect(await editor.locator("article, section").filter({ hasText: "ten gadgets" }).count()).toBe(0);
    await editor.getByRole("button", { name: "Publish article" }).click();
    await editor.waitForURL((url) => url.pathname.startsWith("/articles/"));

    // She is told by mail, with the link to argue it.
    const mail = await waitForMail(ada.email, "Published: Warm homes are cheaper than cold ones");
    expect(mail.text).toContain("/articles/warm-homes-are-cheaper-than-cold-ones");
    await page.goto("/submissions");
    const mine = page.getByTestId("submission").first();
    await expect(mine.innerText()).resolves.toMatch(/Published[\s\S]*Warm homes are cheaper than cold ones/);
    // The front page shows it as new, with the site it came from and who brought it.
    await page.goto("/");
    await expect(page.getByTestId("new-articles").innerText()).resolves.toMatch(
      /Warm homes are cheaper than cold ones · 127\.0\.0\.1 · brought by Ada Submits/,
    );

    // Someone else submits the same article with other tracking parameters: it opens the one already here.
    const ben = (await pageAs(newPage, await createAccount("ben-submits"), DESKTOP)).page;
    const before = await submissionCount();
    await ben.goto("/submit");
    await ben.getByLabel("The article's address").fill(`${outside}/warm-homes?utm_campaign=share#comments`);
    await ben.getByRole("button", { name: "Submit article" }).click();
    await ben.getByTestId("already-here").getByRole("link", { name: "Warm homes are cheaper than cold ones" }).waitFor();
    expect(await submissionCount()).toBe(before);
    expect((await appSql(`select id from "Article" where title = 'Warm homes are cheaper than cold ones'`)).length).toBe(1);
  });

  test("'Argue this page': the bookmarklet, run on the original with words selected, opens the article here with those words ready to argue", async () => {
    // Published by the test above, or here if run alone.
    if (!(await appSql(`select 1 from "Article" where "canonicalUrl" = $1 and status = 'published'`, [`${outside}/warm-homes`])).length) {
      await appSql(`update "Article" set status = 'published' where "canonicalUrl" = $1`, [`${outside}/warm-homes`]);
    }
    const reader = (await pageAs(newPage, await createAccount("cal-bookmarks"), DESKTOP)).page;
    await reader.goto("/help/argue-this-page");
    const bookmarklet = reader.getByTestId("bookmarklet");
    await expect.poll(() => bookmarklet.getAttribute("href")).toMatch(/^javascript:/);
    const code = await bookmarklet.getAttribute("href");
    expect(code).toContain(`${appUrl}/submit?url=`);
    // On the original page, select a sentence and click the bookmark (its code, run in that page).
    await reader.goto(`${outside}/warm-homes?utm_source=feed`);
    await reader.evaluate(() => {
      const paragraph = [...document.querySelectorAll("p")].find((p) => p.textContent?.startsWith("Every winter"))!;
      window.getSelection()!.selectAllChildren(paragraph);
    });
    await reader.evaluate((script) => new Function(script)(), decodeURIComponent(code!.slice("javascript:".length)));
    await reader.waitForURL(/\/articles\/[^?]+\?words=/);
    // The words are selected in the article, and the bar offers to argue them.
    await expect
      .poll(() => reader.evaluate(() => String(window.getSelection())))
      .toContain("Every winter the same families are asked to choose between heating and eating");
    await reader.locator("[data-argue-bar]").first().waitFor();
  });

  test("shared from a phone's Share menu: an article not here yet is offered for submission with the shared words", async () => {
    const reader = (await pageAs(newPage, await createAccount("dee-shares"), PHONE)).page;
    await reader.goto(`/submit?title=Elsewhere&text=${encodeURIComponent(`Buses should be free ${outside}/free-buses`)}`);
    await expect(reader.getByLabel("The article's address").inputValue()).resolves.toBe(`${outside}/free-buses`);
    await expect(reader.getByTestId("selection").innerText()).resolves.toContain("“Buses should be free” will be raised as its first claim");
    // Signed out, the same address asks to sign in first and keeps what was shared.
    const anonymous = await newPage(PHONE);
    await anonymous.goto(`/submit?url=${encodeURIComponent(`${outside}/free-buses`)}`);
    const signIn = anonymous.getByRole("link", { name: "Sign in" }).last();
    const callback = new URL((await signIn.getAttribute("href"))!, appUrl).searchParams.get("callbackUrl")!;
    expect(new URL(callback, appUrl).searchParams.get("url")).toBe(`${outside}/free-buses`);
  });

  test("every refusal says why and keeps nothing: silenced, a private address, not an article, over the day's limit", async () => {
    const account = await createAccount("fay-refused");
    const { page } = await pageAs(newPage, account, DESKTOP);
    const submit = async (address: string) => {
      await page.goto("/submit");
      await page.getByLabel("The article's address").fill(address);
      await page.getByRole("button", { name: "Submit article" }).click();
    };
    for (const [address, reason] of [
      ["http://127.0.0.1:9/intranet", "Refusing to fetch 127.0.0.1: it points to a private or local address."],
      [`${outside}/picture.png`, "Not a web page (image/png)."],
      [`${outside}/front-page`, "No article text found"],
    ]) {
      await submit(address);
      await page.waitForURL(/\/submissions\/\w+/);
      await page
        .getByTestId("submission-state")
        .filter({ hasText: `Could not be imported: ${reason}` })
        .waitFor({ timeout: 30_000 });
    }
    expect((await appSql(`select count(*)::int as n from "Article" where "importedById" = $1`, [account.id]))[0]).toEqual({ n: 0 });

    await appSql(`insert into "Setting" (key, value, "updatedAt") values ('submissionsPerDay', 2, now()) on conflict (key) do update set value = 2`);
    await new Promise((resolve) => setTimeout(resolve, 5_500)); // the settings' cache (lib/platform/settings.ts)
    try {
      const before = await submissionCount();
      await submit(`${outside}/a-third-article`);
      await page
        .getByRole("alert")
        .filter({ hasText: /submitting articles/ })
        .waitFor();
      expect(await submissionCount()).toBe(before);
    } finally {
      await appSql(`delete from "Setting" where key = 'submissionsPerDay'`);
    }

    await appSql(`update "User" set "silencedUntil" = now() + interval '1 day', "silenceReason" = 'Spamming links' where id = $1`, [account.id]);
    const before = await submissionCount();
    await submit(`${outside}/yet-another`);
    await page
      .getByRole("alert")
      .filter({ hasText: /You are silenced .*: Spamming links/ })
      .waitFor();
    expect(await submissionCount()).toBe(before);
  });

  test("an editor follows feeds: new items arrive as drafts once, one already here is not copied, a failing feed says why", async () => {
    const editor = (await pageAs(newPage, await createAccount("fran-feeds", { role: "editor" }), DESKTOP)).page;
    await editor.goto("/editor");
    await editor.getByRole("link", { name: "Feeds" }).click();
    for (const feed of ["desk.xml", "broken.xml"]) {
      await editor.getByLabel(/^Feed address/).fill(`${outside}/${feed}`);
      await editor.getByRole("button", { name: "Follow feed" }).click();
      await editor.getByTestId("feed").filter({ hasText: feed }).waitFor();
    }
    // The worker fetches each at once; the page says what happened, in words.
    await expect
      .poll(
        async () => {
          await editor.reload();
          return editor
            .getByTestId("feed")
            .filter({ hasText: "The Housing Desk" })
            .getByTestId("feed-status")
            .innerText()
            .catch(() => "");
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toMatch(/Last fetched .* · 1 item imported/);
    await expect(editor.getByTestId("feed").filter({ hasText: "broken.xml" }).getByTestId("feed-error").innerText()).resolves.toBe(
      `Last fetch failed: The server answered 500 for ${outside}/broken.xml.`,
    );
    await editor.goto("/editor");
    await editor.getByRole("link", { name: "Damp is a health emergency" }).waitFor();
    expect((await appSql(`select count(*)::int as n from "Article" where "canonicalUrl" = $1`, [`${outside}/warm-homes`]))[0]).toEqual({ n: 1 });
  });
});
