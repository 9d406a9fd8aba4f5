// npm run test:load [-- --duration 60 --connections 200]: a crowd of signed-in people reading, voting
// and posting on the production server for a fixed time (loopback only; stops by itself), with hostile
// requests mixed in and moderators hiding and restoring responses meanwhile; then checks that no answer
// was a server error, every hostile request was refused, no page carried hidden text, and every
// acknowledged write is in the database with counts that add up. Exits 1 if not. The figures it prints
// go into the README.
import { parseArgs } from "node:util";
import { findInconsistencies, log, startHarness } from "./harness";
import { moderateMeanwhile, newLedger, runTraffic, serverErrorCount, verifyLedger } from "./traffic";

const { values } = parseArgs({
  options: { duration: { type: "string", default: "60" }, connections: { type: "string", default: "200" } },
});
const durationSeconds = Number(values.duration);
const connections = Number(values.connections);

const harness = await startHarness({ accounts: connections });
let failed = false;
try {
  log(`${connections} people for ${durationSeconds} s against ${harness.appUrl} (${harness.claims.length} claims, ${harness.articleSlugs.length} articles)`);
  const ledger = newLedger();
  // Moderators hide and restore responses while the crowd writes: counts must still add up after.
  const moderation = moderateMeanwhile(harness, ledger);
  const result = await runTraffic(harness, ledger, { connections, durationSeconds });
  await moderation.stop();
  const errors = serverErrorCount(ledger, result);
  const { problems, checked } = await verifyLedger(harness, ledger);
  problems.push(...(await findInconsistencies(harness)));
  const total = Object.values(ledger.counts).reduce((sum, count) => sum + count, 0);
  const figures = {
    date: new Date().toISOString().slice(0, 10),
    connections,
    durationSeconds,
    requests: total,
    requestsPerSecond: Math.round(total / durationSeconds),
    latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
    byKind: ledger.counts,
    httpStatuses: Object.fromEntries(ledger.statuses),
    actionResults: Object.fromEntries(ledger.actionStatuses),
    serverErrors: errors,
    hostileRequests: { sent: ledger.counts.hostile, notRefused: ledger.hostileNotRefused },
    withheldTextServed: ledger.withheldLeaks,
    moderationActions: moderation.actions(),
    writesAcknowledged: { responses: ledger.responses.size, votes: ledger.acknowledgedVotes },
    writesVerified: checked,
    problems,
  };
  console.log(JSON.stringify(figures, null, 2));
  for (const sample of ledger.serverErrorSamples) log(`server error: ${sample}`);
  if (ledger.hostileNotRefused) problems.push(`${ledger.hostileNotRefused} hostile requests were not refused with a 4xx`);
  if (ledger.withheldLeaks) problems.push(`${ledger.withheldLeaks} pages carried the text of a hidden thread`);
  failed = problems.length > 0 || errors.http5xx + errors.action5xx + errors.socketErrors + errors.timeouts > 0 || total === 0;
  if (failed) log(`the server's error log ended with:\n${harness.serverLogTail()}`);
  log(
    failed
      ? "FAILED"
      : `passed: ${total} requests, 0 server errors, ${checked.responses} responses and ${checked.votes} people's votes on ${checked.claims} claims verified`,
  );
} finally {
  await harness.close();
}
process.exit(failed ? 1 : 0);
