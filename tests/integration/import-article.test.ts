import { describe, expect, test } from "vitest";
import { getArticleBySlug, listArticleSummaries } from "@/lib/articles/queries";
import { importArticle } from "@/lib/articles/import-article";
import { getDb } from "@/lib/db/client";
import { seedDemoArticles } from "@/scripts/lib/seed-demo";

describe("demo content", () => {
  test("is imported once, however often the app starts", async () => {
    expect(await seedDemoArticles()).toEqual({ created: 2, total: 2 });
    expect(await seedDemoArticles()).toEqual({ created: 0, total: 2 });
    const titles = (await listArticleSummaries()).map((article) => article.title).sort();
    expect(titles).toEqual([
      "Time to start thinking about walking away from NATO invite to Ukraine",
      "Why The U.S. May Be Pushing The Controversial “Korea Scenario” For Ukraine",
    ]);
  });

  test("stores the cleaned body with block offsets that slice back to each paragraph", async () => {
    await seedDemoArticles();
    const article = await getArticleBySlug("why-the-us-may-be-pushing-the-controversial-korea-scenario-for-ukraine", null);
    expect(article?.byline).toBe("Yuri Fedorov");
    const first = article!.blocks[0];
    expect(article!.body.slice(first.start, first.end)).toMatch(/^The final communiqué/);
    expect(article!.body).not.toContain("Subscribe");
  });
});

describe("importing an article", () => {
  // Each title's body differs too: the same body under another title is the same article (one per original).
  const raw = (title: string) =>
    `${title}\nBy Sam Writer\nThe council voted to close the library on Sundays, and that decision will hurt students most (${title}).\nCritics say the savings are tiny compared with the harm done to families who rely on it.`;

  test("two articles with the same title get distinct slugs", async () => {
    const a = await importArticle({ raw: raw("Libraries matter") });
    const b = await importArticle({ raw: `${raw("Libraries matter")}\nA further paragraph that makes this a different article in full.` });
    expect(a.article.slug).toBe("libraries-matter");
    expect(b.article.slug).toBe("libraries-matter-2");
  });

  test("simultaneous imports of the same page store it once", async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => importArticle({ raw: raw("Concurrent import") })));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.article.id)).size).toBe(1);
    expect(await getDb().article.count({ where: { title: "Concurrent import" } })).toBe(1);
  });
});

describe("one article per original", () => {
  const page = (canonical: string, extra = "") => `<!doctype html><html><head><title>Night buses pay for themselves</title>
<link rel="canonical" href="${canonical}"><meta property="og:url" content="${canonical}"></head><body><article>
<h1>Night buses pay for themselves</h1><p>By Rosa Vidal</p>
<p>The city should run night buses every half hour, because the people who ride them are the people who keep it running.</p>
<p>Cleaners, nurses and bakers start work before the first train, and a taxi costs them an hour's wages each way.${extra}</p>
</article></body></html>`;

  test("the same original from another address, with tracking parameters, or pasted as text opens the article already here", async () => {
    const first = await importArticle({ raw: page("https://news.example.com/opinion/night-buses"), sourceUrl: "https://news.example.com/opinion/night-buses" });
    expect(first.created).toBe(true);
    const stored = await getDb().article.findUniqueOrThrow({ where: { id: first.article.id }, select: { canonicalUrl: true, bodyHash: true } });
    expect(stored.canonicalUrl).toBe("https://news.example.com/opinion/night-buses");
    // The mobile site, reached through a shared link: its page names the same original.
    const mobile = await importArticle({
      raw: page("https://news.example.com/opinion/night-buses", "<!-- m. -->"),
      sourceUrl: "https://m.news.example.com/opinion/night-buses?utm_source=whatsapp&fbclid=abc",
    });
    expect(mobile).toMatchObject({ created: false, article: { id: first.article.id } });
    // The same article's text pasted, with other spacing and no address: the same body.
    const pasted = await importArticle({
      raw: "Night buses pay for themselves\nBy Rosa Vidal\n\nThe city should run night buses every half hour, because the people who ride them are the people who keep it running.\n\nCleaners, nurses and bakers start work before the first train,   and a taxi costs them an hour's wages each way.",
    });
    expect(pasted).toMatchObject({ created: false, article: { id: first.article.id } });
    // Another article at another address is another article.
    const other = await importArticle({
      raw: page("https://news.example.com/opinion/day-buses")
        .replace(/night buses/gi, "day buses")
        .replace("before the first train", "after the last train"),
      sourceUrl: "https://news.example.com/opinion/day-buses",
    });
    expect(other.created).toBe(true);
    const { findArticleByAddress } = await import("@/lib/articles/originals");
    expect(await findArticleByAddress("https://NEWS.example.com/opinion/night-buses?utm_campaign=share#top")).toMatchObject({ id: first.article.id });
    expect(await findArticleByAddress("https://news.example.com/opinion/elsewhere")).toBeNull();
  });
});
