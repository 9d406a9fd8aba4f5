// npm run -s eval:ingest [-- --last N] — segmentation, claim detection and extraction, measured against
// labels, for the detector as it was on 2026-12-06 (before it learned arguability) and as it is now,
// side by side: Golden Rules, NewsSD-ENG's and CDCP's test splits, every labelled article (the demo
// seeds and content/datasets/arguably-claims/articles, the held-out ones apart), and the site's last N
// decisions the detector did not train on (drift). tests/unit/eval-ingest.test.ts holds the targets.
import { stopEncoder } from "@/lib/ingest/encoder";
import { SHIPPED_DETECTOR } from "@/lib/ingest/detect";
import {
  articleResults,
  BASELINE,
  CLAIM_SHARE_LIMIT,
  cdcpTestF1,
  goldenRules,
  newsSdTestF1,
  overall,
  siteDrift,
  TARGETS,
  type Pipeline,
} from "./lib/evaluate-ingest";

const percent = (value: number) => `${Math.round(value * 100)}%`;
const mark = (ok: boolean) => (ok ? "ok" : "MISSED");
const args = process.argv.slice(2);
const lastIndex = args.indexOf("--last");
const last = lastIndex >= 0 ? Number(args[lastIndex + 1]) : 200;
if (!Number.isInteger(last) || last < 1 || args.some((arg, i) => arg !== "--last" && i !== lastIndex + 1)) {
  console.error("usage: npm run -s eval:ingest [-- --last N]");
  process.exit(2);
}

const CURRENT: Pipeline & { name: string } = { name: "now", detector: SHIPPED_DETECTOR };
const pipelines = [BASELINE, CURRENT];
const column = (text: string) => text.padEnd(26);

const rules = goldenRules();
console.log(
  `Golden Rules (sentence segmentation): ${rules.passed}/${rules.total} exact (target ${TARGETS.goldenRules}/48) ${mark(rules.passed >= TARGETS.goldenRules)}`,
);
for (const failure of rules.failures) console.log(`  failed: ${JSON.stringify(failure.input).slice(0, 100)}`);

console.log(`\nClaim detector, sentence by sentence  ${pipelines.map((pipeline) => column(pipeline.name)).join("")}`);
const newsSd = await Promise.all(pipelines.map((pipeline) => newsSdTestF1(pipeline.detector)));
const cdcp = await Promise.all(pipelines.map((pipeline) => cdcpTestF1(pipeline.detector)));
console.log(
  `  NewsSD-ENG test macro-F1            ${newsSd.map((f1) => column(f1.toFixed(3))).join("")}target >= ${TARGETS.newsSdF1} ${mark(newsSd[1] >= TARGETS.newsSdF1)} (published: TF-IDF+LR 0.55, SBERT+LR 0.69, mBERT 0.76)`,
);
console.log(`  CDCP test macro-F1 (150 documents)  ${cdcp.map((f1) => column(f1.toFixed(3))).join("")}`);

const results = await Promise.all(pipelines.map((pipeline) => articleResults(pipeline)));
const [before, now] = results;
console.log("\nLabelled articles: claims marked, against the labels (before -> now)");
for (const [index, result] of now.entries()) {
  const old = before[index];
  const limit = result.shareLimit === null ? "" : ` (limit ${percent(result.shareLimit)} ${mark(result.share <= result.shareLimit)})`;
  console.log(`\n${result.file} (${result.kind}${result.heldOut ? ", HELD OUT of all tuning" : ""})`);
  for (const field of ["title", "byline", "date"] as const) {
    const { correct, found, expected } = result[field];
    if (!correct) console.log(`  ${field}: WRONG: ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
  }
  console.log(
    `  body: ${result.paragraphsKept && result.headingsCorrect ? "as labelled" : "PARAGRAPHS OR HEADINGS DIFFER"}; furniture in it: ${result.leaked.length ? result.leaked.join(" | ") : "none"}`,
  );
  console.log(`  marked: ${old.claims} -> ${result.claims} of ${result.sentences} sentences, ${percent(old.share)} -> ${percent(result.share)}${limit}`);
  console.log(
    `  precision ${old.precision.toFixed(2)} -> ${result.precision.toFixed(2)}, recall ${old.recall.toFixed(2)} -> ${result.recall.toFixed(2)} (${result.truePositives}/${result.labelledClaims}), never-claims marked ${old.neverClaimsMarked.length} -> ${result.neverClaimsMarked.length}`,
  );
  for (const missed of result.missed) console.log(`    missed: ${missed}…`);
  for (const extra of result.extra) console.log(`    also marked: ${extra.slice(0, 90)}…`);
  for (const never of result.neverClaimsMarked) console.log(`    NEVER-CLAIM MARKED: ${never.slice(0, 90)}…`);
}

type Results = typeof now;
function summary(label: string, pick: (result: Results[number]) => boolean, targets: boolean) {
  const [old, current] = results.map((set) => set.filter(pick));
  const [pooledOld, pooled] = [overall(old), overall(current)];
  const never = (set: Results) => set.reduce((sum, result) => sum + result.neverClaimsMarked.length, 0);
  const goal = (ok: boolean, text: string) => (targets ? ` (target ${text}) ${mark(ok)}` : "");
  console.log(`\n${label} (${current.length} articles): before -> now`);
  console.log(
    `  recall ${pooledOld.recall.toFixed(2)} -> ${pooled.recall.toFixed(2)} (${pooled.truePositives}/${pooled.labelled})${goal(pooled.recall >= TARGETS.recall, `>= ${TARGETS.recall}`)}`,
  );
  console.log(
    `  precision ${pooledOld.precision.toFixed(2)} -> ${pooled.precision.toFixed(2)} (${pooled.truePositives}/${pooled.marked})${goal(pooled.precision >= TARGETS.precision, `>= ${TARGETS.precision}`)}`,
  );
  console.log(`  never-claims marked ${never(old)} -> ${never(current)}${goal(never(current) === 0, "0")}`);
  for (const kind of [...new Set(current.map((result) => result.kind))].sort()) {
    const share = (set: Results) => {
      const of = set.filter((result) => result.kind === kind);
      return (
        of.reduce((sum, result) => sum + result.claims, 0) /
        Math.max(
          1,
          of.reduce((sum, result) => sum + result.sentences, 0),
        )
      );
    };
    const limit = CLAIM_SHARE_LIMIT[kind];
    const worst = Math.max(...current.filter((result) => result.kind === kind).map((result) => result.share));
    console.log(
      `  ${kind}: ${percent(share(old))} -> ${percent(share(current))} of sentences marked${limit === undefined ? "" : `, at most ${percent(worst)} in one article (limit ${percent(limit)}) ${mark(worst <= limit)}`}`,
    );
  }
}
summary("Articles used in tuning (the seeds and our labelled articles)", (result) => !result.heldOut, false);
summary("HELD-OUT articles (kept out of all tuning)", (result) => result.heldOut, true);
const wrongMetadata = now.filter((result) => !result.title.correct || !result.byline.correct || !result.date.correct).length;
console.log(
  `\nAll ${now.length} articles: title, byline and date right on ${now.length - wrongMetadata}/${now.length}; furniture in ${now.filter((result) => result.leaked.length).length} bodies`,
);

const drift = await siteDrift(pipelines, last);
if (!drift) console.log(`\nSite decisions: none to measure (no database yet: start the app, review some articles, then run this again).`);
else if (!drift.count) console.log(`\nSite decisions since the detector was trained: none yet.`);
else {
  console.log(
    `\nSite decisions the detector did not train on: the last ${drift.count} (${drift.claims} claims, ${drift.count - drift.claims} not), since ${drift.since ?? "the start"}`,
  );
  for (const [index, pipeline] of pipelines.entries()) {
    const { agreement, precision, recall } = drift.scores[index];
    console.log(`  ${column(pipeline.name)} agrees with the editors on ${percent(agreement)}; precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}`);
  }
  console.log(
    `  by decision: ${Object.entries(drift.byDecision)
      .map(([decision, count]) => `${decision} ${count}`)
      .join(", ")}`,
  );
}
await stopEncoder();
