// npm run -s sim:brigade: how far a coordinated block moves a claim's raw and bridged standing
// (scripts/lib/brigade-simulation.ts; decision 020). Options: --seeds N (default 25), --camp N (honest
// voters per camp, default 40), --share X (the block's share of all voters, default 0.2).
import { parseArgs } from "node:util";
import { median, simulateBrigade } from "./lib/brigade-simulation";

const { values } = parseArgs({
  options: { seeds: { type: "string", default: "25" }, camp: { type: "string", default: "40" }, share: { type: "string", default: "0.2" } },
});
const seeds = Number(values.seeds);
const campSize = Number(values.camp);
const share = Number(values.share);
if (!(seeds >= 1 && campSize >= 5 && share > 0 && share < 1)) {
  console.error("usage: npm run -s sim:brigade -- [--seeds N ≥ 1] [--camp N ≥ 5] [--share 0 < X < 1]");
  process.exit(2);
}

const percent = (value: number) => `${(value * 100).toFixed(1)}`;
console.log(`Two honest camps of ${campSize}; a block of ${percent(share)}% of all voters votes as one, for the claim or against it.`);
console.log(`${seeds} populations per row (seeds 1..${seeds}); standings in %; "moves" are medians of |after - before|.\n`);
console.log("block                          raw moves   bridged moves   bridged/raw (median, worst)");
let verdict = true;
for (const [name, blockNoise] of [
  ["identical ballots", 0],
  ["each skips 15% of arguments", 0.15],
] as const) {
  const runs = [];
  for (let seed = 1; seed <= seeds; seed++) {
    for (const blockAgrees of [true, false]) runs.push(simulateBrigade({ seed, campSize, blockShare: share, blockAgrees, blockNoise }));
  }
  const rawMove = median(runs.map((run) => Math.abs(run.raw.after - run.raw.before)));
  const bridgedMove = median(runs.map((run) => Math.abs(run.bridged.after - run.bridged.before)));
  const ratio = median(runs.map((run) => run.ratio));
  const worst = Math.max(...runs.map((run) => run.ratio));
  console.log(
    `${name.padEnd(30)} ${percent(rawMove).padStart(9)}   ${percent(bridgedMove).padStart(13)}   ${ratio.toFixed(2).padStart(11)}, ${worst.toFixed(2)}`,
  );
  if (blockNoise === 0) verdict = ratio < 1 / 3;
}
console.log(`\nTarget (identical ballots): the bridged standing moves less than a third as far as the raw one: ${verdict ? "met" : "NOT met"}.`);
process.exitCode = verdict ? 0 : 1;
