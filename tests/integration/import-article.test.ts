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
  const raw = (title: string) =>
    `${title}\nBy Sam Writer\nThe council voted to close the library on Sundays, and that decision will hurt students most.\nCritics say the savings are tiny compared with the harm done to families who rely on it.`;

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
