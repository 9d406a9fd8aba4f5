// One failure shape (decision 017): whatever answers — the HTTP edge's guards, the claim-vote endpoint,
// the proxy, a route handler, the public API — a JSON error is RFC 9457 problem details with a code
// whose status never varies, and every 429 says when to retry. Server actions return the same fields.
import { beforeAll, describe, expect, test } from "vitest";
import { appSql } from "../support/app-database";
import { appUrl, chromiumPath } from "../support/browser";
import { createAccount, HttpClient, postResponseAs, signedIn } from "../support/http";

const PROBLEM_TYPE = "application/problem+json; charset=utf-8";
const CLAIMS = "app/claims/[id]/actions.ts";

let claimId: string;
let responseId: string;

/** The answer's problem details, after checking that it is one and that its code and status agree. */
async function problemOf(response: Response, status: number, code: string, text?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe(PROBLEM_TYPE);
  const body = JSON.parse(text ?? (await response.text()));
  expect(body).toMatchObject({ type: "about:blank", status, code });
  expect(typeof body.title).toBe("string");
  expect(body.detail).toMatch(/\w+ \w+/); // words for a person, not a stack
  expect(JSON.stringify(body)).not.toMatch(/at \S+\.(js|ts):\d+/);
  return body as { detail: string; retryAfterSeconds?: number };
}

describe.skipIf(!chromiumPath)("every JSON error has one shape", () => {
  beforeAll(async () => {
    [{ id: claimId }] = await appSql<{ id: string }>(
      `select c.id from "Claim" c join "Article" a on a.id = c."articleId" where a.status = 'published' and a.slug like 'why-the-us%' and c."hiddenAt" is null order by c.start desc limit 1 offset 2`,
    );
    const author = await signedIn(appUrl, await createAccount("shape-author"));
    responseId = await postResponseAs(author, claimId, "An argument for the error-shape test to vote on.", { stance: "oppose" });
  });

  test("the edge: a method an address does not take, an oversized body, a hostile address", async () => {
    const client = new HttpClient(appUrl);
    const wrongMethod = await client.fetch("/api/health", { method: "DELETE", headers: { accept: "application/json" } });
    await problemOf(wrongMethod, 405, "method_not_allowed");
    expect(wrongMethod.headers.get("allow")).toContain("GET");
    const huge = await client.fetch("/api/v1/claims/x/responses", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "x".repeat(1_100_000),
    });
    await problemOf(huge, 413, "payload_too_large");
    await problemOf(await client.fetch("/api/v1/claims/%ff", { headers: { accept: "application/json" } }), 400, "invalid_request");
  });

  test("the claim-vote endpoint: signed out, bad input, too fast (with Retry-After, shared with the server actions' vote limit)", async () => {
    const origin = new URL(appUrl).origin;
    const signedOut = await new HttpClient(appUrl).fetch(`/api/claims/${claimId}/vote`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({ value: "agree" }),
    });
    await problemOf(signedOut, 401, "unauthorized");
    const voter = await signedIn(appUrl, await createAccount("shape-voter"));
    const bad = await voter.voteOnClaim(claimId, "agree", { body: '{"value":"maybe"}' });
    expect(bad.result).toMatchObject({ ok: false, status: 400, code: "invalid_request" });
    // Through the admin action, so the app's few-seconds settings cache is dropped at once both ways.
    const admin = await signedIn(appUrl, await createAccount("shape-admin", { role: "admin" }));
    const setVoteLimit = async (value: number) =>
      expect(await admin.action({ file: "app/admin/actions.ts", name: "updateSettingAction", page: "/admin" }, { key: "votesPerMinute", value })).toMatchObject(
        { ok: true },
      );
    await setVoteLimit(3);
    try {
      const answers = [];
      for (let vote = 0; vote < 4; vote++) answers.push(await voter.voteOnClaim(claimId, vote % 2 ? "agree" : "disagree", { origin }));
      expect(answers.slice(0, 3).every(({ result }) => result.ok)).toBe(true);
      const limited = answers[3].response;
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(answers[3].result).toMatchObject({ ok: false, status: 429, code: "rate_limited" });
      // A server action under the same limit says the same, with when to retry.
      const action = await voter.action({ file: CLAIMS, name: "voteOnResponseAction", page: "/" }, { claimId, responseId, value: "strong" });
      expect(action).toMatchObject({ ok: false, status: 429, code: "rate_limited" });
      expect((action as { retryAfterSeconds?: number }).retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      await setVoteLimit(60);
    }
  });

  test("the proxy: a change from another site", async () => {
    const voter = await signedIn(appUrl, await createAccount("shape-csrf"));
    const { response, text } = await voter.callAction(
      { file: CLAIMS, name: "voteOnResponseAction", page: "/" },
      { claimId, responseId, value: "strong" },
      { origin: "https://evil.example" },
    );
    await problemOf(response, 403, "forbidden", text);
  });

  test("route handlers: exports, similar arguments, the import, health's 200", async () => {
    const client = new HttpClient(appUrl);
    await problemOf(await client.fetch("/api/articles/no-such-article/export?format=argdown"), 404, "not_found");
    await problemOf(await client.fetch(`/api/claims/${claimId}/export?format=pdf`), 400, "invalid_request");
    await problemOf(await client.fetch(`/api/claims/${claimId}/similar?text=short`), 400, "invalid_request");
    await problemOf(
      await client.fetch("/api/editor/import", { method: "POST", headers: { "content-type": "application/json", origin: new URL(appUrl).origin }, body: "{}" }),
      401,
      "unauthorized",
    );
    expect((await client.fetch("/api/health")).status).toBe(200);
  });

  test("the public API: unknown operations and bad tokens, with its CORS headers", async () => {
    const client = new HttpClient(appUrl);
    const unknown = await client.fetch("/api/v1/nothing-here");
    await problemOf(unknown, 404, "not_found");
    expect(unknown.headers.get("access-control-allow-origin")).toBe("*");
    await problemOf(await client.fetch("/api/v1/me", { headers: { authorization: "Bearer arg_pat_nonsense" } }), 401, "invalid_token");
  });
});
