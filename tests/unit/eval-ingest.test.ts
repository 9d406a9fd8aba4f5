// The figures `npm run -s eval:ingest` prints, held as a test: it reads them, it times nothing.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { stopEncoder } from "@/lib/ingest/encoder";
import { articleResults, goldenRules, newsSdTestF1, overall, TARGETS } from "@/scripts/lib/evaluate-ingest";

let results: Awaited<ReturnType<typeof articleResults>>;
beforeAll(async () => {
  results = await articleResults();
}, 120_000);
afterAll(stopEncoder);

describe("ingest, measured against labels", () => {
  test("Golden Rules: every segmentation rule passes", () => {
    expect(goldenRules().passed).toBe(TARGETS.goldenRules);
  });

  test(`NewsSD-ENG test macro-F1 is at least ${TARGETS.newsSdF1}`, async () => {
    expect(await newsSdTestF1()).toBeGreaterThanOrEqual(TARGETS.newsSdF1);
  }, 60_000);

  test("title, byline and date are right on every labelled article", () => {
    const wrong = results.filter((result) => !result.title.correct || !result.byline.correct || !result.date.correct);
    expect(wrong.map(({ file, title, byline, date }) => ({ file, title: title.found, byline: byline.found, date: date.found }))).toEqual([]);
  });

  test("no page furniture in any body, and the seeds' paragraphs and headings are as labelled", () => {
    expect(results.filter((result) => result.leaked.length).map(({ file, leaked }) => ({ file, leaked }))).toEqual([]);
    expect(results.filter((result) => !result.paragraphsKept || !result.headingsCorrect).map((result) => result.file)).toEqual([]);
  });

  test("claims stay within an op-ed's 60% and a news report's 25% of sentences", () => {
    for (const result of results) if (result.shareLimit !== null) expect(result.share, result.file).toBeLessThanOrEqual(result.shareLimit);
  });

  test("every seed's thesis is among its claims", () => {
    for (const result of results) expect(result.thesisFound, result.file).toBe(result.thesisExpected);
  });

  // Issue 15 targets recall 0.85, precision 0.70 and no never-a-claim sentence marked; the detector
  // does not reach them yet (README, decision 005). These bounds are today's figures, so that a change
  // which loses ground fails, and should be tightened as it gains.
  test("recall, precision and never-claims marked over all labelled articles are no worse than today's", () => {
    const pooled = overall(results);
    expect(pooled.recall).toBeGreaterThanOrEqual(0.63);
    expect(pooled.precision).toBeGreaterThanOrEqual(0.66);
    expect(results.flatMap((result) => result.neverClaimsMarked).length).toBeLessThanOrEqual(1);
  });
});
