// npm run test:faults: the production server under load while things break.
// 1. PostgreSQL stops mid-load and starts again: answers meanwhile are a clear 503 (page, JSON or action
//    result), never a 500 or a stack trace; nothing acknowledged is lost and nothing is half-written;
//    the same server process recovers by itself, live updates included.
// 2. The app process is killed (SIGKILL) mid-write: every acknowledged write is there, no write is
//    partial, and a restarted server carries on.
// Exits 1 on any failure.
import { setTimeout as sleep } from "node:timers/promises";
import { findInconsistencies, log, startHarness, type Harness } from "./harness";
import { newLedger, runTraffic, serverErrorCount, verifyLedger } from "./traffic";

const problems: string[] = [];
const check = (ok: boolean, message: string) => {
  log(`${ok ? "ok  " : "FAIL"} ${message}`);
  if (!ok) problems.push(message);
};

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await probe().catch(() => false)) return Date.now() - start;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function postOnce(harness: Harness, claimId: string, body: string) {
  const { response, result } = await harness.accounts[0].client.postResponse(claimId, { parentId: null, stance: "support", body });
  return response.status === 200 ? result : null;
}

/** Counts the updates on one claim's live stream. */
function watchLiveUpdates(harness: Harness, claimId: string) {
  const controller = new AbortController();
  let changes = 0;
  const done = (async () => {
    const response = await fetch(`${harness.appUrl}/api/live?claim=${claimId}`, { signal: controller.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) return;
      changes += decoder.decode(value).split("event: update").length - 1;
    }
  })().catch(() => undefined);
  return { changes: () => changes, close: () => (controller.abort(), done) };
}

async function databaseOutage(harness: Harness) {
  log("— phase 1: PostgreSQL stops under load and comes back");
  const claimId = harness.claims[0].id;
  const live = watchLiveUpdates(harness, claimId);
  await sleep(500);
  const serverPid = harness.server().pid;
  const ledger = newLedger();
  const traffic = runTraffic(harness, ledger, { connections: 20, durationSeconds: 14, voteShare: 0.3, postShare: 0.2 });
  await sleep(3_000);
  await harness.stopDatabase();
  log("PostgreSQL stopped");
  const health = async () => (await fetch(`${harness.appUrl}/api/health`)).status;
  await waitFor("the health check to report the outage", async () => (await health()) === 503, 4_000).then(
    (ms) => check(true, `/api/health said 503 within ${ms} ms of the stop`),
    () => check(false, "/api/health said 503 during the outage"),
  );
  await sleep(4_000);
  await harness.startDatabase();
  log("PostgreSQL started again");
  const result = await traffic;
  check((await waitFor("a healthy health check", async () => (await health()) === 200).catch(() => -1)) >= 0, "/api/health said 200 again after the restart");

  const unavailable = (ledger.statuses.get(503) ?? 0) + (ledger.actionStatuses.get(503) ?? 0);
  const errors = serverErrorCount(ledger, result, { allowUnavailable: true });
  for (const sample of ledger.serverErrorSamples) log(`  server error: ${sample}`);
  log(
    `  answers by status ${JSON.stringify(Object.fromEntries(ledger.statuses))}, action results ${JSON.stringify(Object.fromEntries(ledger.actionStatuses))}`,
  );
  check(unavailable > 0, `the outage was noticed: ${unavailable} answers said 503 (briefly unavailable)`);
  check(errors.http5xx + errors.action5xx === 0, `no other server errors during the outage (${errors.http5xx} HTTP, ${errors.action5xx} action results)`);
  check(errors.socketErrors + errors.timeouts === 0, `every request was answered (${errors.socketErrors} socket errors, ${errors.timeouts} timeouts)`);
  check(ledger.leaks === 0, `no answer showed a stack trace or an internal error (${ledger.leaks})`);

  const recoveredIn = await waitFor("the app to serve pages again", async () => (await fetch(`${harness.appUrl}/`)).status === 200);
  check(
    harness.server().pid === serverPid && harness.server().exitCode === null,
    `the same server process recovered by itself (${recoveredIn} ms after the check began)`,
  );
  await sleep(1_000); // let events of the load's last writes arrive first
  const before = live.changes();
  const posted = await postOnce(harness, claimId, "Posted after the database came back, to prove writes work again.");
  check(posted?.ok === true, "a response can be posted again");
  await waitFor("a live update after recovery", async () => live.changes() > before, 10_000).then(
    (ms) => check(true, `live updates resumed on a stream opened before the outage (${ms} ms)`),
    () => check(false, "live updates resumed on a stream opened before the outage"),
  );
  await live.close();

  const verified = await verifyLedger(harness, ledger);
  check(
    verified.problems.length === 0,
    `acknowledged writes all stored, nothing unacknowledged stored (${verified.checked.responses} responses, ${verified.checked.votes} votes)${verified.problems.length ? `: ${verified.problems.join("; ")}` : ""}`,
  );
  const inconsistencies = await findInconsistencies(harness);
  check(inconsistencies.length === 0, `no half-written data${inconsistencies.length ? `: ${inconsistencies.join("; ")}` : ""}`);
}

async function killedMidWrite(harness: Harness) {
  log("— phase 2: the app is killed mid-write");
  const ledger = newLedger();
  const traffic = runTraffic(harness, ledger, { connections: 20, durationSeconds: 6, voteShare: 0.3, postShare: 0.6 });
  await sleep(2_500);
  const killedAt = ledger.counts.post;
  harness.server().kill("SIGKILL");
  log(`app killed with SIGKILL after ${killedAt} posts had been answered`);
  await sleep(500);
  traffic.stop();
  await traffic.catch(() => undefined);

  check(ledger.responses.size > 0, `writes were acknowledged before the kill (${ledger.responses.size} responses)`);
  const verified = await verifyLedger(harness, ledger);
  // A write can commit while its answer dies with the process; acknowledged ones must all be there.
  const lost = verified.problems.filter((problem) => problem.includes("missing") || problem.includes("differ from what"));
  check(lost.length === 0, `every acknowledged response survived the kill${lost.length ? `: ${lost.join("; ")}` : ""}`);
  const inconsistencies = await findInconsistencies(harness);
  check(inconsistencies.length === 0, `no partial write after the kill${inconsistencies.length ? `: ${inconsistencies.join("; ")}` : ""}`);

  await harness.startServer();
  const posted = await postOnce(harness, harness.claims[1].id, "Posted after the restart that followed the kill.");
  check(posted?.ok === true, "a restarted server serves and writes on the same database");
}

const harness = await startHarness({ accounts: 20 });
try {
  await databaseOutage(harness);
  await killedMidWrite(harness);
} catch (error) {
  problems.push((error as Error).message);
  log(`FAIL ${(error as Error).message}`);
} finally {
  if (problems.length) log(`the server's error log ended with:\n${harness.serverLogTail()}`);
  await harness.close();
}
log(problems.length ? `FAILED: ${problems.length} problem(s)` : "passed");
process.exit(problems.length ? 1 : 0);
