// The home page's read models (issue 28) on real PostgreSQL: what a new site offers to argue, then the
// most argued claims with their strongest argument each way, counting only what readers see.
import { beforeAll, describe, expect, test } from "vitest";
import { createUser } from "@/lib/accounts/create-user";
import { listArticleSummaries } from "@/lib/articles/queries";
import { createResponse } from "@/lib/debate/post-response";
import { listLiveDebates } from "@/lib/debate/live-debates";
import { storeResponseVote } from "@/lib/debate/vote-on-response";
import { getDb } from "@/lib/db/client";
import { seedDemoArticles } from "@/scripts/lib/seed-demo";

beforeAll(async () => {
  await seedDemoArticles();
});

describe("the home page's debates", () => {
  test("with nothing argued yet: a few claims of each article, the finder's surest first, articles taking turns", async () => {
    const { argued, debates } = await listLiveDebates();
    expect(argued).toBe(false);
    expect(debates).toHaveLength(6);
    const articles = debates.map((debate) => debate.article.slug);
    expect(new Set(articles).size).toBe(2);
    expect(articles[0]).not.toBe(articles[1]);
    for (const slug of new Set(articles)) {
      const shown = debates.filter((debate) => debate.article.slug === slug).map((debate) => debate.id);
      const surest = await getDb().claim.findMany({
        where: { article: { slug }, hiddenAt: null },
        orderBy: [{ score: { sort: "desc", nulls: "last" } }, { start: "asc" }],
        take: 3,
        select: { id: true },
      });
      expect(shown).toEqual(surest.map((claim) => claim.id));
    }
    expect(debates.every((debate) => debate.strongestFor === null && debate.lastArgumentAt === null)).toBe(true);
  });

  test("once argued: the most argued claim first, with its strongest argument each way; hidden ones count for nothing", async () => {
    const [first, second] = await getDb().claim.findMany({ orderBy: { start: "asc" }, take: 2, select: { id: true, articleId: true } });
    const author = await createUser({ email: "home-author@example.com", name: "Hana" });
    const raters = await Promise.all(["r1", "r2"].map((name) => createUser({ email: `${name}@example.com`, name })));
    const post = (claimId: string, stance: "support" | "oppose", body: string) =>
      createResponse({ claimId, parentId: null, stance, body, authorId: author.id });
    const weak = await post(first.id, "support", "A weak supporting point that raters dislike.");
    const strong = await post(first.id, "support", "A strong supporting point that raters like.");
    const against = await post(first.id, "oppose", "The one objection, stated plainly.");
    const hidden = await post(second.id, "support", "Hidden by moderators, it argues nothing for readers.");
    await getDb().response.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    for (const rater of raters) {
      await storeResponseVote({ ...rater, bannedUntil: null }, { responseId: strong.id, value: "strong" });
      await storeResponseVote({ ...rater, bannedUntil: null }, { responseId: weak.id, value: "weak" });
    }
    const { argued, debates } = await listLiveDebates();
    expect(argued).toBe(true);
    expect(debates.map((debate) => debate.id)).toEqual([first.id]);
    expect(debates[0]).toMatchObject({
      supporting: 2,
      opposing: 1,
      strongestFor: { id: strong.id, excerpt: "A strong supporting point that raters like." },
      strongestAgainst: { id: against.id },
    });
    expect(debates[0].lastArgumentAt).toBeInstanceOf(Date);

    const summaries = await listArticleSummaries();
    const summary = summaries.find((article) => article.id === first.articleId)!;
    // Argued articles come first, with their responses counted as readers see them.
    expect(summaries[0].id).toBe(first.articleId);
    expect(summary).toMatchObject({ argued: true, responses: 3 });
    expect(summary.excerpt.length).toBeLessThanOrEqual(241);
  });
});
