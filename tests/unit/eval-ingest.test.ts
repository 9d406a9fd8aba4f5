// The figures `npm run -s eval:ingest` prints, held as a test: it reads them, it times nothing.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { stopEncoder } from "@/lib/ingest/encoder";
import { articleResults, BASELINE, cdcpTestF1, goldenRules, newsSdTestF1, overall, TARGETS } from "@/scripts/lib/evaluate-ingest";

let results: Awaited<ReturnType<typeof articleResults>>;
beforeAll(async () => {
  results = await articleResults();
}, 120_000);
afterAll(stopEncoder);

const tuning = () => results.filter((result) => !result.heldOut);
const heldOut = () => results.filter((result) => result.heldOut);
const neverClaimsMarked = (set: typeof results) => set.flatMap((result) => result.neverClaimsMarked);

describe("ingest, measured against labels", () => {
  test("Golden Rules: every segmentation rule passes", () => {
    expect(goldenRules().passed).toBe(TARGETS.goldenRules);
  });

  test(`NewsSD-ENG test macro-F1 is at least ${TARGETS.newsSdF1}`, async () => {
    expect(await newsSdTestF1()).toBeGreaterThanOrEqual(TARGETS.newsSdF1);
  }, 120_000);

  test("on CDCP's test split (argumentative comments, split by document) the detector beats the one trained for subjectivity", async () => {
    const [before, now] = [await cdcpTestF1(BASELINE.detector), await cdcpTestF1()];
    expect(before).toBeLessThan(0.7);
    expect(now).toBeGreaterThanOrEqual(0.82);
  }, 240_000);

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

  test("the held-out articles: precision and no never-claim as issue 30 asks; recall no worse than today's", () => {
    const pooled = overall(heldOut());
    expect(heldOut().length).toBe(2);
    expect(pooled.precision).toBeGreaterThanOrEqual(TARGETS.precision);
    expect(neverClaimsMarked(heldOut())).toEqual([]);
    // Issue 30 targets recall 0.85; the detector reaches 0.58 on the held-out op-ed (decision 023). A floor
    // at today's figure, so that a change which loses ground fails; tighten it as it gains.
    expect(pooled.recall).toBeGreaterThanOrEqual(0.58);
  });

  test("the tuning articles: recall, precision and never-claims marked no worse than today's", () => {
    const pooled = overall(tuning());
    expect(pooled.recall).toBeGreaterThanOrEqual(0.77);
    expect(pooled.precision).toBeGreaterThanOrEqual(0.71);
    expect(neverClaimsMarked(tuning()).length).toBeLessThanOrEqual(1);
  });
});
