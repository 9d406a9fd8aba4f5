// Search finds what readers can see, ranked and highlighted, filtered by kind and article; and a draft
// response is matched against the arguments already made on its claim.
import { beforeAll, describe, expect, test } from "vitest";
import { createUser } from "@/lib/accounts/create-user";
import { createResponse } from "@/lib/debate/post-response";
import { deleteResponse } from "@/lib/debate/delete-response";
import { findSimilarResponses, MATCH_END, MATCH_START, searchDebates } from "@/lib/debate/search";
import { getDb } from "@/lib/db/client";
import { seedDemoArticles } from "@/scripts/lib/seed-demo";

let natoSlug: string;
let otherSlug: string;
let claimId: string;
let ann: Awaited<ReturnType<typeof createUser>> & { bannedUntil: Date | null };
const ids: Record<string, string> = {};

beforeAll(async () => {
  await seedDemoArticles();
  const articles = await getDb().article.findMany({ orderBy: { slug: "asc" }, select: { slug: true } });
  natoSlug = articles.find((article) => article.slug.startsWith("time-to-start"))!.slug;
  otherSlug = articles.find((article) => !article.slug.startsWith("time-to-start"))!.slug;
  claimId = (await getDb().claim.findFirstOrThrow({ where: { article: { slug: natoSlug } }, orderBy: { start: "asc" }, select: { id: true } })).id;
  ann = { ...(await createUser({ email: "ann@example.com", name: "Ann" })), bannedUntil: null };
  const post = async (key: string, body: string) =>
    (ids[key] = (await createResponse({ claimId, parentId: null, stance: "oppose", body, authorId: ann.id })).id);
  await post("visible", "Neutrality worked for Finland for decades, so a neutral Ukraine is not unthinkable.");
  await post("hidden", "Neutrality is a trap, says a response that moderators have hidden.");
  await post("deleted", "Neutrality talk that its author later deleted.");
  await post("markup", "Neutrality <script>alert(1)</script> with <b>markup</b> in the text.");
  await getDb().response.update({ where: { id: ids.hidden }, data: { hiddenAt: new Date() } });
  await deleteResponse({ responseId: ids.deleted, actor: ann });
  await getDb().article.create({
    data: { slug: "a-draft", title: "Neutrality in a draft nobody may see", body: "Neutrality.", blocks: [], sourceHash: "draft-hash", status: "draft" },
  });
});

describe("search", () => {
  test("finds articles, claims and responses readers can see, best match first, with highlighted snippets", async () => {
    const { hits } = await searchDebates({ query: "NATO membership" });
    expect(hits.length).toBeGreaterThanOrEqual(2);
    expect(new Set(hits.map((hit) => hit.type))).toEqual(new Set(["article", "claim"]));
    expect(hits.map((hit) => hit.rank)).toEqual([...hits.map((hit) => hit.rank)].sort((a, b) => b - a));
    const claimHit = hits.find((hit) => hit.type === "claim")!;
    expect([natoSlug, otherSlug]).toContain(claimHit.article.slug);
    expect(claimHit.snippet).toContain(MATCH_START);
    expect(claimHit.snippet).toContain(MATCH_END);
  });

  test("leaves out hidden, deleted and removed responses and unpublished articles; shows markup as text", async () => {
    const { hits } = await searchDebates({ query: "neutrality", type: "all" });
    const found = new Set(hits.map((hit) => hit.id));
    expect(found.has(ids.visible)).toBe(true);
    expect(found.has(ids.markup)).toBe(true);
    expect(found.has(ids.hidden)).toBe(false);
    expect(found.has(ids.deleted)).toBe(false);
    expect(hits.some((hit) => hit.article.slug === "a-draft")).toBe(false);
    const markup = hits.find((hit) => hit.id === ids.markup)!;
    // ts_headline drops tags from snippets; whatever remains is rendered as text, never as markup.
    expect(markup.snippet).not.toMatch(/<\/?(script|b)>/);
    expect(markup.snippet).toContain("alert(1)");
    expect(markup).toMatchObject({ type: "response", heading: "oppose", claim: { id: claimId } });
  });

  test("filters by kind and by article", async () => {
    const responses = await searchDebates({ query: "neutrality", type: "responses" });
    expect(responses.hits.length).toBeGreaterThan(0);
    expect(responses.hits.every((hit) => hit.type === "response")).toBe(true);
    expect((await searchDebates({ query: "neutrality", articleSlug: otherSlug, type: "responses" })).hits).toEqual([]);
    expect((await searchDebates({ query: "NATO", type: "articles", articleSlug: natoSlug })).hits.map((hit) => hit.article.slug)).toEqual([natoSlug]);
    expect((await searchDebates({ query: "   " })).hits).toEqual([]);
    // Web-search syntax, and no error on anything a person can type.
    for (const query of ['"neutral Ukraine"', "-NATO neutrality", '\'; drop table "Response"; --', "&|!:*()"]) {
      await expect(searchDebates({ query })).resolves.toMatchObject({ query: query.trim() });
    }
    expect((await searchDebates({ query: '"neutral Ukraine"' })).hits.map((hit) => hit.id)).toEqual([ids.visible]);
  });

  test("pages through many hits", async () => {
    await getDb().response.createMany({
      data: Array.from({ length: 25 }, (_, index) => ({
        claimId,
        stance: "support" as const,
        authorId: ann.id,
        body: `Sanctions argument number ${index} about sanctions.`,
      })),
    });
    const first = await searchDebates({ query: "sanctions", type: "responses" });
    expect(first.hits).toHaveLength(20);
    expect(first.more).toBe(true);
    const second = await searchDebates({ query: "sanctions", type: "responses", page: 2 });
    expect(second.more).toBe(false);
    expect(new Set([...first.hits, ...second.hits].map((hit) => hit.id)).size).toBe(first.hits.length + second.hits.length);
  });
});

describe("similar arguments", () => {
  test("a draft close to an existing response finds it; an unrelated one finds nothing", async () => {
    const similar = await findSimilarResponses(claimId, "Neutrality worked for Finland for decades, so a neutral Ukraine is thinkable");
    expect(similar[0]).toMatchObject({ id: ids.visible, stance: "oppose" });
    expect(similar[0].similarity).toBeGreaterThan(0.5);
    expect(similar.map((response) => response.id)).not.toContain(ids.hidden);
    expect(await findSimilarResponses(claimId, "Completely different words about cooking pasta at home tonight")).toEqual([]);
    expect(await findSimilarResponses(claimId, "short")).toEqual([]);
  });
});
