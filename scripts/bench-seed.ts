// npm run bench:seed -- [--responses 100000] [--votes 500000]: the benchmark dataset in its own database
// (see scripts/lib/bench-data.ts for its shape).
import { parseArgs } from "node:util";
import { BENCH_DATABASE, buildBenchDatabase } from "./lib/bench-data";
import { loadEnvironment, log, openDatabase } from "./lib/runtime";

const { values } = parseArgs({ options: { responses: { type: "string", default: "100000" }, votes: { type: "string", default: "500000" } } });
const responses = Number(values.responses);
const votes = Number(values.votes);
if (!Number.isInteger(responses) || responses < 10 || !Number.isInteger(votes) || votes < 0) {
  console.error("usage: npm run bench:seed -- [--responses N] [--votes M]");
  process.exit(2);
}
const database = await openDatabase(loadEnvironment(), () => undefined);
const started = performance.now();
try {
  await buildBenchDatabase(database.url, { responses, votes });
  log(`bench database "${BENCH_DATABASE}" ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await database.stop();
}
