// npm run eval:ingest — segmentation, claim detection and the seeds, measured against labels.
import { goldenRules, newsSdTestF1, seedResults } from "./lib/evaluate-ingest";

const rules = goldenRules();
console.log(`Golden Rules (sentence segmentation): ${rules.passed}/${rules.total} exact (target >= 42)`);
for (const failure of rules.failures) console.log(`  failed: ${JSON.stringify(failure.input).slice(0, 100)}`);

console.log(`NewsSD-ENG test macro-F1 (claim detector): ${newsSdTestF1().toFixed(3)} (target >= 0.65; published: TF-IDF+LR 0.55, SBERT+LR 0.69, mBERT 0.76)`);

for (const seed of seedResults()) {
  console.log(`\nSeed ${seed.file}`);
  console.log(`  title ${seed.titleCorrect ? "correct" : "WRONG"}, byline ${seed.bylineCorrect ? "correct" : "WRONG"}, headings ${seed.headingsCorrect ? "correct" : "WRONG"}`);
  console.log(`  body: ${seed.paragraphs}/${seed.expectedParagraphs} paragraphs, first and last ${seed.paragraphsKept ? "kept" : "NOT kept"}; page furniture leaked: ${seed.leaked.length ? seed.leaked.join(" | ") : "none"}`);
  console.log(`  claims: ${seed.claims} of ${seed.sentences} sentences (${seed.claimsAreMinority ? "a minority" : "NOT a minority"}); vs labels precision ${seed.precision.toFixed(2)}, recall ${seed.recall.toFixed(2)}, F1 ${seed.f1.toFixed(2)}`);
  console.log(`  thesis sentences among the claims: ${seed.thesisFound.length}/${seed.thesisExpected.length}`);
}
