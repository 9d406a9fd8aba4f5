// Scaling out: a second app instance on the same database, as behind a load balancer. Sessions made
// on one work on the other, live updates posted through one reach readers of the other (PostgreSQL
// LISTEN/NOTIFY), and rate limits are shared (their counters live in PostgreSQL).
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { findFreePort } from "@/lib/db/embedded";
import { appSql } from "../support/app-database";
import { appUrl, chromiumPath } from "../support/browser";
import { startAppServer, type AppServerProcess } from "@/server/start-app-server";
import { createAccount, HttpClient, signedIn } from "../support/http";

let second: AppServerProcess | undefined;
let secondUrl: string;

beforeAll(async () => {
  if (!chromiumPath) return;
  const port = await findFreePort();
  secondUrl = `http://localhost:${port}`;
  second = await startAppServer({
    databaseUrl: inject("appDatabaseUrl"),
    port,
    authSecret: inject("appAuthSecret"),
    appUrl: secondUrl,
    stdio: ["ignore", "ignore", "inherit"],
  });
});

afterAll(async () => {
  await second?.stop();
});

/** Reads one claim's live stream on an instance and resolves at its first change event. */
function firstChange(baseUrl: string, claimId: string, timeoutMs = 10_000) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const opened = fetch(`${baseUrl}/api/live?claim=${claimId}`, { signal: controller.signal });
  const changed = (async () => {
    const reader = (await opened).body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("event: update")) {
      const { value, done } = await reader.read();
      if (done) return false;
      text += decoder.decode(value);
    }
    return true;
  })()
    .catch(() => false)
    .finally(() => {
      clearTimeout(timer);
      controller.abort();
    });
  return { opened, changed };
}

describe.skipIf(!chromiumPath)("two app instances on one database", () => {
  test("a session made on one instance works on the other, and a post on one shows up live on the other", async () => {
    const account = await createAccount("roaming");
    const onFirst = await signedIn(appUrl, account);
    const onSecond = HttpClient.withCookies(secondUrl, onFirst.cookieHeader);
    const [{ id: claimId }] = await appSql<{ id: string }>(
      `select c.id from "Claim" c join "Article" a on a.id = c."articleId" where a.slug like 'why-the-us%' order by c.start limit 1 offset 3`,
    );

    const watcher = firstChange(secondUrl, claimId);
    await watcher.opened;
    await new Promise((resolve) => setTimeout(resolve, 300)); // the subscription is registered
    const body = "Posted through the first instance, read live on the second.";
    const { result: posted } = await onFirst.postResponse(claimId, { parentId: null, stance: "support", body });
    expect(posted).toMatchObject({ ok: true });
    await expect(watcher.changed).resolves.toBe(true);

    // The same cookie, on the other instance, is the same person.
    const voted = await onSecond.voteOnClaim(claimId, "agree");
    expect(voted.result).toMatchObject({ ok: true });
    expect(await appSql(`select "userId" from "ClaimVote" where "claimId" = $1 and "userId" = $2`, [claimId, account.id])).toEqual([{ userId: account.id }]);
    const page = await (await onSecond.fetch(`/claims/${claimId}`)).text();
    expect(page).toContain(body);
    expect(page).toContain("roaming");
  });

  test("failed sign-ins counted on either instance add up to one limit", async () => {
    const account = await createAccount("guessed");
    const attempt = (baseUrl: string, password: string) => new HttpClient(baseUrl).signIn(account.email, password);
    for (const baseUrl of [appUrl, appUrl, appUrl, secondUrl, secondUrl]) {
      expect((await attempt(baseUrl, "wrong password")).status).not.toBe(429);
    }
    // Five failures in all: the next attempt is refused on both, even with the right password.
    expect((await attempt(secondUrl, account.password)).status).toBe(429);
    expect((await attempt(appUrl, account.password)).status).toBe(429);
  });
});
