// npm run eval:ingest — segmentation, claim detection and extraction, measured against labels:
// Golden Rules, NewsSD-ENG's test split, and every labelled article (the demo seeds and
// content/datasets/arguably-claims/articles). tests/unit/eval-ingest.test.ts holds the same targets.
import { stopEncoder } from "@/lib/ingest/encoder";
import { articleResults, CLAIM_SHARE_LIMIT, goldenRules, newsSdTestF1, overall, TARGETS } from "./lib/evaluate-ingest";

const percent = (value: number) => `${Math.round(value * 100)}%`;
const mark = (ok: boolean) => (ok ? "ok" : "MISSED");

const rules = goldenRules();
console.log(
  `Golden Rules (sentence segmentation): ${rules.passed}/${rules.total} exact (target ${TARGETS.goldenRules}/48) ${mark(rules.passed >= TARGETS.goldenRules)}`,
);
for (const failure of rules.failures) console.log(`  failed: ${JSON.stringify(failure.input).slice(0, 100)}`);

const f1 = await newsSdTestF1();
console.log(
  `NewsSD-ENG test macro-F1 (claim detector): ${f1.toFixed(3)} (target >= ${TARGETS.newsSdF1}; published: TF-IDF+LR 0.55, SBERT+LR 0.69, mBERT 0.76) ${mark(f1 >= TARGETS.newsSdF1)}`,
);

const results = await articleResults();
for (const result of results) {
  console.log(`\n${result.file} (${result.kind})`);
  for (const field of ["title", "byline", "date"] as const) {
    const { correct, found, expected } = result[field];
    console.log(`  ${field}: ${correct ? "right" : `WRONG: ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`}`);
  }
  console.log(
    `  body: ${result.paragraphsKept ? "paragraphs as labelled" : "PARAGRAPHS DIFFER"}, headings ${result.headingsCorrect ? "as labelled" : "DIFFER"}; page furniture in it: ${result.leaked.length ? result.leaked.join(" | ") : "none"}`,
  );
  const limit = result.shareLimit === null ? "" : ` (limit ${percent(result.shareLimit)} ${mark(result.share <= result.shareLimit)})`;
  console.log(`  claims: ${result.claims} of ${result.sentences} sentences, ${percent(result.share)}${limit}`);
  console.log(
    `  vs labels: precision ${result.precision.toFixed(2)}, recall ${result.recall.toFixed(2)} (${result.truePositives}/${result.labelledClaims}); never-claims marked: ${result.neverClaimsMarked.length}`,
  );
  for (const missed of result.missed) console.log(`    missed: ${missed}…`);
  for (const extra of result.extra) console.log(`    also marked: ${extra.slice(0, 90)}…`);
  for (const never of result.neverClaimsMarked) console.log(`    NEVER-CLAIM MARKED: ${never.slice(0, 90)}…`);
}
const pooled = overall(results);
console.log(
  `\nOverall (${results.length} articles): recall ${pooled.recall.toFixed(2)} (${pooled.truePositives}/${pooled.labelled}, target >= ${TARGETS.recall}) ${mark(pooled.recall >= TARGETS.recall)}, precision ${pooled.precision.toFixed(2)} (${pooled.truePositives}/${pooled.marked}, target >= ${TARGETS.precision}) ${mark(pooled.precision >= TARGETS.precision)}`,
);
const wrongMetadata = results.filter((result) => !result.title.correct || !result.byline.correct || !result.date.correct).length;
console.log(
  `  title, byline and date right on ${results.length - wrongMetadata}/${results.length}; furniture in ${results.filter((result) => result.leaked.length).length} bodies; never-claims marked: ${results.reduce((sum, result) => sum + result.neverClaimsMarked.length, 0)}; share limits (${Object.entries(
    CLAIM_SHARE_LIMIT,
  )
    .map(([kind, limit]) => `${kind} ${percent(limit)}`)
    .join(", ")}) kept on ${results.filter((result) => result.shareLimit === null || result.share <= result.shareLimit).length}/${results.length}`,
);
await stopEncoder();
