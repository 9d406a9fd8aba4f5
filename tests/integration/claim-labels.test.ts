// The site teaching the claim detector (issue 30): editors' decisions on detected claims and accepted
// readers' claims are stored as labels in the decision's own transaction, and reach the training data
// `npm run train:claims -- --site` reads (scripts/lib/site-labels.ts, here on the test's own database), deduplicated and without the
// labelled articles' sentences.
import fs from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { createUser } from "@/lib/accounts/create-user";
import { getSessionUserById, type SessionUser } from "@/lib/accounts/users";
import { importArticle } from "@/lib/articles/import-article";
import { publishArticle } from "@/lib/articles/publish-article";
import { reviewDraft } from "@/lib/articles/review-draft";
import { getDb } from "@/lib/db/client";
import { recentSiteLabels, siteLabelsForTraining } from "@/scripts/lib/site-labels";

let editor: SessionUser;

beforeAll(async () => {
  const user = await createUser({ email: "label-editor@example.com", name: "Label Editor" });
  await getDb().user.update({ where: { id: user.id }, data: { role: "editor" } });
  editor = (await getSessionUserById(user.id))!;
});

const PAGE = [
  "Parking charges are the wrong fix",
  "By Kim Tester",
  "The city raised parking charges in the centre by half last month, and the decision was a mistake that will empty the high street.",
  "Shops have already lost customers to the retail park, which offers free parking to everyone.",
  "The council should reverse the rise before the Christmas season, because traders cannot survive another quiet winter.",
  "Residents of the centre would gain little from the change either way.",
].join("\n");

async function draft(raw: string) {
  const { article } = await importArticle({ raw, status: "draft", importedById: editor.id });
  const claims = await getDb().claim.findMany({ where: { articleId: article.id }, orderBy: { start: "asc" } });
  return { article, claims };
}

const labelsOf = (articleId: string) =>
  getDb().claimLabel.findMany({ where: { articleId }, orderBy: { createdAt: "asc" }, select: { sentence: true, claim: true, decision: true } });

describe("editors' decisions are labels the detector learns from", () => {
  test("a dismissal is stored as a label saying 'not a claim', and reaches the training set", async () => {
    const { article, claims } = await draft(PAGE);
    expect(claims.length).toBeGreaterThan(0);
    const dismissed = claims[0];
    await reviewDraft(editor, { kind: "dismiss", articleId: article.id, claimId: dismissed.id });

    expect(await labelsOf(article.id)).toEqual([{ sentence: dismissed.exact, claim: false, decision: "dismissed" }]);
    const { labels, through } = await siteLabelsForTraining();
    expect(labels).toContainEqual(expect.objectContaining({ sentence: dismissed.exact, claim: false, source: "site", weight: 1 }));
    expect(through).not.toBeNull();
  });

  test("adding missed text, and publishing with the rest kept, are labels too; the detector's untouched proposals on a draft are not", async () => {
    const { article, claims } = await draft(PAGE.replace("Parking charges", "Parking fees").replace("last month", "this spring")); // another article (one per original: another body)
    expect(await labelsOf(article.id)).toEqual([]);

    const body = (await getDb().article.findUniqueOrThrow({ where: { id: article.id } })).body;
    const missed = "Residents of the centre would gain little from the change either way.";
    await getDb().claim.deleteMany({ where: { articleId: article.id, exact: missed } });
    const start = body.indexOf(missed);
    await reviewDraft(editor, { kind: "add", articleId: article.id, start, end: start + missed.length });
    await publishArticle(editor, { articleId: article.id });

    const labels = await labelsOf(article.id);
    expect(labels[0]).toEqual({ sentence: missed, claim: true, decision: "added" });
    const kept = claims.filter((claim) => claim.exact !== missed);
    expect(
      labels
        .slice(1)
        .map((label) => [label.sentence, label.claim, label.decision])
        .sort(),
    ).toEqual(kept.map((claim) => [claim.exact, true, "kept"]).sort());
  });

  test("a sentence of a labelled evaluation article never reaches training, however it was decided", async () => {
    const raw = fs.readFileSync("content/datasets/arguably-claims/articles/op-ed-four-day-week.txt", "utf8");
    const { article, claims } = await draft(raw);
    await reviewDraft(editor, { kind: "dismiss", articleId: article.id, claimId: claims[0].id });
    expect(await labelsOf(article.id)).toHaveLength(1);

    const { labels } = await siteLabelsForTraining();
    expect(labels.map((label) => label.sentence)).not.toContain(claims[0].exact);
  });

  test("the same sentence decided twice counts once, as last decided; drift reads only what came after training", async () => {
    const sentence = "Free parking is a subsidy for driving that everyone else pays for.";
    const { article } = await draft(`Who pays for parking\nBy Kim Tester\n${sentence}\nThe council sets its charges every spring.`);
    const claim = await getDb().claim.findFirst({ where: { articleId: article.id, exact: sentence } });
    const body = (await getDb().article.findUniqueOrThrow({ where: { id: article.id } })).body;
    if (claim) await reviewDraft(editor, { kind: "dismiss", articleId: article.id, claimId: claim.id });
    const before = new Date();
    const start = body.indexOf(sentence);
    await reviewDraft(editor, { kind: "add", articleId: article.id, start, end: start + sentence.length });

    const { labels } = await siteLabelsForTraining();
    expect(labels.filter((label) => label.sentence === sentence)).toEqual([expect.objectContaining({ claim: true })]);
    const recent = await recentSiteLabels(new Date(before.getTime() - 1), 10);
    expect(recent?.map((label) => [label.sentence, label.decision])).toEqual([[sentence, "added"]]);
  });
});
