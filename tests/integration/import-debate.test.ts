// A debate written by another tool becomes a debate here: export → import → export gives the same
// tree, for Argdown and for AIF, with counts and standings computed; imports are idempotent and bounded.
import { beforeAll, describe, expect, test } from "vitest";
import { createUser } from "@/lib/accounts/create-user";
import { getArticleForExport, getDebateForExport, readArticleDebateTrees } from "@/lib/exchange/queries";
import { importDebates, MAX_IMPORTED_RESPONSES, type ImportProgress } from "@/lib/exchange/import-debate";
import { getDb } from "@/lib/db/client";
import { parseAif, parseAifDebates, toAif, toAifDebates } from "@/lib/exchange/aif";
import { parseArgdown, parseArgdownDebates, toArgdown, toArgdownDebates } from "@/lib/exchange/argdown";
import { inTreeOrder, type DebateTree } from "@/lib/exchange/debate-tree";

let editorId: string;

beforeAll(async () => {
  editorId = (await createUser({ email: "eddie@example.com", name: "Eddie" })).id;
});

const ORIGINAL: DebateTree = {
  claim: { id: "c", text: "Cities should stop building parking garages." },
  responses: [
    { id: "a", parentId: null, stance: "support", text: "A structured space costs over $30,000 to build." },
    { id: "b", parentId: "a", stance: "oppose", text: "Land prices vary; some garages pay for themselves." },
    { id: "c2", parentId: "b", stance: "support", text: "Those are the exceptions, downtown or not." },
    { id: "d", parentId: null, stance: "oppose", text: "Shops need customers who drive." },
    { id: "e", parentId: "d", stance: "oppose", text: "Most downtown shoppers arrive on foot or by transit." },
  ],
};

/** The tree as (path, stance, text), independent of ids. */
function shape(tree: DebateTree) {
  const path = new Map<string | null, string>([[null, ""]]);
  const count = new Map<string | null, number>();
  return inTreeOrder(tree).map((response) => {
    const index = count.get(response.parentId) ?? 0;
    count.set(response.parentId, index + 1);
    path.set(response.id, `${path.get(response.parentId)}/${index}`);
    return `${path.get(response.id)} ${response.stance} ${response.text}`;
  });
}

/** The tree as nested (stance, text) with siblings sorted: the same tree whatever the order of siblings. */
function canonical(tree: DebateTree) {
  const children = new Map<string | null, DebateTree["responses"]>();
  for (const response of tree.responses) children.set(response.parentId, [...(children.get(response.parentId) ?? []), response]);
  const below = (id: string | null): string[] =>
    (children.get(id) ?? []).map((child) => `${child.stance} ${child.text} [${below(child.id).join(", ")}]`).sort();
  return `${tree.claim.text} [${below(null).join(", ")}]`;
}

async function roundTrip(source: string, tree: DebateTree) {
  const { article, created } = await importDebates({ trees: [tree], title: null, source, importedById: editorId });
  expect(created).toBe(true);
  expect(article.status).toBe("draft");
  await getDb().article.update({ where: { id: article.id }, data: { status: "published" } });
  const claim = await getDb().claim.findFirstOrThrow({
    where: { articleId: article.id },
    select: { id: true, text: true, supportCount: true, opposeCount: true, responseCount: true },
  });
  expect(claim).toMatchObject({ text: ORIGINAL.claim.text, supportCount: 1, opposeCount: 1, responseCount: 5 });
  const exported = (await getDebateForExport(claim.id))!.tree;
  expect(shape(exported)).toEqual(shape(ORIGINAL));
  return article;
}

describe("importing a debate", () => {
  test("Argdown: export, import, export gives the same tree", async () => {
    const source = toArgdown(ORIGINAL);
    await roundTrip(source, parseArgdown(source));
  });

  test("AIF JSON: export, import, export gives the same tree; the same file twice is one debate", async () => {
    const source = JSON.stringify(toAif(ORIGINAL));
    const article = await roundTrip(source, parseAif(JSON.parse(source)));
    const again = await importDebates({ trees: [parseAif(JSON.parse(source))], title: null, source, importedById: editorId });
    expect(again).toMatchObject({ created: false, article: { id: article.id } });
  });

  test("an article's file (several claims): export, import, export gives the same trees and title; saving reports its progress", async () => {
    // A second claim with a long debate: 1,200 responses, each answering the claim or an earlier one.
    const long: DebateTree = {
      claim: { id: "k", text: "Ferries beat bridges for small islands." },
      responses: Array.from({ length: 1_200 }, (_, index) => ({
        id: `k${index}`,
        parentId: index < 10 ? null : `k${(index * 7919) % index}`,
        stance: index % 3 ? ("support" as const) : ("oppose" as const),
        text: `Argument ${index} about ferries.`,
      })),
    };
    const source = toArgdownDebates({ title: "Islands and how to reach them", trees: [ORIGINAL, long] });
    const { title, trees } = parseArgdownDebates(source);
    const progress: ImportProgress[] = [];
    const { article } = await importDebates({ trees, title, source, importedById: editorId, onProgress: (step) => progress.push(step) });
    expect(article.title).toBe("Islands and how to reach them");
    expect(progress.map((step) => step.done)).toEqual([0, 5, 505, 1005, 1205]);
    expect(progress.every((step) => step.total === 1205)).toBe(true);

    const { slug } = await getDb().article.update({ where: { id: article.id }, data: { status: "published" }, select: { slug: true } });
    const exported = await readArticleDebateTrees((await getArticleForExport(slug))!);
    expect(exported.map(canonical)).toEqual([ORIGINAL, long].map(canonical));
    // The file's order is kept too: responses are stored in it as their order of posting.
    expect(exported.map(shape)).toEqual([ORIGINAL, long].map(shape));
    // Each claim is anchored to its own paragraph of the draft's text.
    const claims = await getDb().claim.findMany({
      where: { articleId: article.id },
      orderBy: { start: "asc" },
      select: { exact: true, start: true, end: true, article: { select: { body: true } } },
    });
    for (const claim of claims) expect(claim.article.body.slice(claim.start, claim.end)).toBe(claim.exact);

    // The same trees through AIF read back the same.
    const aif = parseAifDebates(JSON.parse(JSON.stringify(toAifDebates(exported))));
    expect(aif.map(canonical)).toEqual(exported.map(canonical));
  });

  test("refuses what it cannot store, and stores nothing then", async () => {
    const before = await getDb().article.count();
    const huge: DebateTree = {
      claim: { id: "c", text: "Too big." },
      responses: Array.from({ length: MAX_IMPORTED_RESPONSES + 1 }, (_, index) => ({
        id: `r${index}`,
        parentId: null,
        stance: "support" as const,
        text: "x".repeat(12),
      })),
    };
    await expect(importDebates({ trees: [huge], title: null, source: "huge", importedById: editorId })).rejects.toMatchObject({ status: 400 });
    await expect(
      importDebates({ trees: [{ claim: { id: "c", text: "  " }, responses: [] }], title: null, source: "blank", importedById: editorId }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await getDb().article.count()).toBe(before);
  });
});
