// Reads on a real streaming replica of the test server (pg_basebackup + the embedded binaries):
// model and raw-SQL reads go to the replica, writes to the primary, and a request routed to the
// primary (a write, or a browser that just wrote) sees its own write even while the replica lags.
// Replay is paused on the replica to make the lag visible instead of racing it.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { createUser } from "@/lib/accounts/create-user";
import { createResponse } from "@/lib/debate/post-response";
import { storeClaimVote } from "@/lib/debate/vote-on-claim";
import { appSql, getDb, getPrimaryDb } from "@/lib/db/client";
import { getClaimDiscussion } from "@/lib/debate/discussion";
import { startStreamingReplica, type StreamingReplica } from "@/lib/db/replica";
import { seedDemoArticles } from "@/scripts/lib/seed-demo";
import { markWrite, onPrimary, PRIMARY_COOKIE, routeReads, wroteRecently } from "@/server/read-routing";

let replica: StreamingReplica;
let replicaUrl: string;
let directory: string;
let claimId: string;

async function onReplica<T>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: replicaUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function until(check: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  await seedDemoArticles();
  claimId = (await getPrimaryDb().claim.findFirstOrThrow({ select: { id: true } })).id;
  directory = await fs.mkdtemp(path.join(os.tmpdir(), "arguably-replica-"));
  replica = await startStreamingReplica(inject("pgAdminUrl"), path.join(directory, "replica"));
  replicaUrl = replica.urlFor(new URL(process.env.DATABASE_URL!).pathname.slice(1));
  await until(async () => (await onReplica(`select 1 from "Claim" limit 1`)).length === 1, "the replica to catch up");
  process.env.DATABASE_REPLICA_URLS = replicaUrl;
}, 60_000);

afterAll(async () => {
  await getDb()
    .$disconnect()
    .catch(() => undefined);
  delete process.env.DATABASE_REPLICA_URLS;
  await replica?.stop();
  await fs.rm(directory, { recursive: true, force: true });
});

test("the replica is a hot standby, streaming from the primary", async () => {
  expect(await onReplica<{ standby: boolean }>("select pg_is_in_recovery() as standby")).toEqual([{ standby: true }]);
});

test("reads go to the replica and writes to the primary; the writer reads its own write from the primary", async () => {
  const ann = await createUser({ email: "ann@example.com", name: "Ann" });
  await onReplica("select pg_wal_replay_pause()");
  try {
    // Writes (a transaction and a raw-SQL statement) succeed: they did not go to the read-only replica.
    const response = await createResponse({ claimId, parentId: null, stance: "support", body: "Written while the replica lags.", authorId: ann.id });
    await storeClaimVote(ann.id, { claimId, value: "agree" }, appSql);

    // An ordinary reader is served by the replica, which has not replayed the write yet.
    const lagging = (await getClaimDiscussion(claimId))!;
    expect(lagging.byId.has(response.id)).toBe(false);
    expect(lagging.agree).toBe(0);
    expect(await getDb().response.count({ where: { claimId } })).toBe(0);

    // The writer's requests read from the primary: their response and vote are there.
    const own = (await onPrimary(() => getClaimDiscussion(claimId, { viewer: { ...ann, bannedUntil: null } })))!;
    expect(own.byId.get(response.id)?.body).toBe("Written while the replica lags.");
    expect(own).toMatchObject({ agree: 1, viewerVote: "agree" });
  } finally {
    await onReplica("select pg_wal_replay_resume()");
  }
  // Once replayed, everyone sees it.
  await until(async () => (await getClaimDiscussion(claimId))!.total === 1, "the replica to replay the write");
});

test("a write's answer keeps that browser on the primary for a few seconds, and no longer", () => {
  const headers: Record<string, string[]> = {};
  const response = {
    getHeader: (name: string) => headers[name],
    setHeader: (name: string, value: string[]) => (headers[name] = value),
    writeHead(this: unknown) {
      return this;
    },
  };
  const now = Date.now();
  let routedToPrimary: boolean | undefined;
  routeReads({ method: "POST", headers: {} } as unknown as IncomingMessage, response as unknown as ServerResponse, (_request, answer) => {
    routedToPrimary = getPrimaryDb() === getDb();
    (answer as unknown as typeof response).writeHead();
  });
  expect(routedToPrimary).toBe(true);
  const cookie = headers["set-cookie"][0];
  expect(cookie).toMatch(new RegExp(`^${PRIMARY_COOKIE}=\\d+; Max-Age=10; Path=/; HttpOnly; SameSite=Lax$`));
  const pair = cookie.split(";")[0];
  expect(wroteRecently(pair, now + 1_000)).toBe(true);
  expect(wroteRecently(pair, now + 11_000)).toBe(false);
  expect(wroteRecently("other=1", now)).toBe(false);
  // A GET without the cookie reads from a replica.
  routeReads({ method: "GET", headers: {} } as unknown as IncomingMessage, response as unknown as ServerResponse, () => {
    routedToPrimary = getPrimaryDb() === getDb();
  });
  expect(routedToPrimary).toBe(false);
  markWrite(response as unknown as ServerResponse);
  expect(headers["set-cookie"]).toHaveLength(2);
});
