// The public API against its OpenAPI document, over HTTP on the production build: every answer below
// (successes and errors alike) is checked by ApiContract against /api/openapi.json, and the last test
// insists that every documented operation was exercised. Around that, what a client relies on: cursors
// that walk a list exactly once, tokens that do what their scope says and stop when revoked, cookies
// that count for nothing, rate limits that answer 429 with Retry-After, and errors as problem details.
import { beforeAll, describe, expect, test } from "vitest";
import { appSql, createArticleWithClaim } from "../support/app-database";
import { appUrl } from "../support/browser";
import { createAccount, signedIn, type TestAccount } from "../support/http";
import { ApiContract } from "../support/openapi-contract";

const SETTINGS = { file: "app/settings/actions.ts", page: "/settings" };
const CLAIM = "contract-claim";

let contract: ApiContract;
let writer: TestAccount;
let writeToken: string;
let readToken: string;
let otherToken: string;

interface Call {
  token?: string;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Calls a documented operation by its operationId, as an API client would. */
function call(operationId: string, parameters: Record<string, string> = {}, { token, query, body, headers = {} }: Call = {}) {
  const { method, path } = contract.route(operationId, parameters);
  const url = new URL(path, appUrl);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
  return fetch(url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function checked<T = Record<string, unknown>>(operationId: string, parameters: Record<string, string>, options: Call, status: number) {
  const response = await call(operationId, parameters, options);
  const body = await contract.check<T>(operationId, response.clone());
  expect(response.status, JSON.stringify(body)).toBe(status);
  return { response, body };
}

async function createToken(account: TestAccount, scope: "read" | "write") {
  const client = await signedIn(appUrl, account);
  const result = await client.action({ ...SETTINGS, name: "createTokenAction" }, { name: `contract ${scope}`, scope, expiry: "30" });
  if (!result.ok) throw new Error(result.error);
  return { token: (result.data as { token: string }).token, client };
}

beforeAll(async () => {
  contract = await ApiContract.load(appUrl);
  const claim = "Public APIs should say what they return.";
  await createArticleWithClaim({
    id: "contract-article",
    title: "Contracts for APIs",
    body: `${claim} Clients then rely on it.`,
    claim,
    suffix: " Clients then",
  });
  writer = await createAccount("api-writer");
  writeToken = (await createToken(writer, "write")).token;
  readToken = (await createToken(writer, "read")).token;
  otherToken = (await createToken(await createAccount("api-other"), "write")).token;
});

describe("public API contract", () => {
  test("the document is valid OpenAPI 3.1 and names every operation", () => {
    expect(contract.document.openapi).toBe("3.1.0");
    expect(contract.operationIds.sort()).toEqual(
      [
        "getArticle",
        "getClaim",
        "getMe",
        "getResponse",
        "listArticles",
        "listClaimResponses",
        "postResponse",
        "raiseClaim",
        "voteOnClaim",
        "voteOnResponse",
      ].sort(),
    );
  });

  test("articles: cursor pages walk the whole list once; an article carries its text and anchored claims", async () => {
    const [{ count }] = await appSql<{ count: string }>(`select count(*) from "Article" where status = 'published'`);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { body, response } = await checked<{ items: { slug: string }[]; nextCursor: string | null }>(
        "listArticles",
        {},
        { query: { limit: "1", ...(cursor ? { cursor } : {}) } },
        200,
      );
      expect(response.headers.get("ratelimit-limit")).toBe("120");
      seen.push(...body.items.map((item) => item.slug));
      cursor = body.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(Number(count));
    expect(seen).toContain("contract-article");

    const { body: article } = await checked<{ body: string; claims: { id: string; anchor: { start: number; end: number; exact: string } }[] }>(
      "getArticle",
      { slug: "contract-article" },
      {},
      200,
    );
    expect(article.claims.map((claim) => claim.id)).toEqual([CLAIM]);
    const [{ anchor }] = article.claims;
    expect(article.body.slice(anchor.start, anchor.end)).toBe(anchor.exact);

    await checked("getArticle", { slug: "no-such-article" }, {}, 404);
    const { body: problem } = await checked<{ code: string; errors: { in: string; path: string }[] }>("listArticles", {}, { query: { limit: "500" } }, 400);
    expect(problem.code).toBe("invalid_request");
    expect(problem.errors[0]).toMatchObject({ in: "query", path: "limit" });
    const { body: badCursor } = await checked<{ detail: string }>("listArticles", {}, { query: { cursor: "not-a-cursor" } }, 400);
    expect(badCursor.detail).toMatch(/cursor/);
  });

  test("posting with a write token: 201 with Location, readable at once, counted on the claim; Idempotency-Key makes a retry harmless", async () => {
    const key = `contract-${Date.now()}-retry-key`;
    const { body: posted, response } = await checked<{ id: string; status: string; author: { id: string } }>(
      "postResponse",
      { id: CLAIM },
      { token: writeToken, body: { stance: "support", body: "Documented answers let clients validate what they get." }, headers: { "idempotency-key": key } },
      201,
    );
    expect(posted).toMatchObject({ status: "visible", author: { id: writer.id } });
    expect(response.headers.get("location")).toBe(`/api/v1/responses/${posted.id}`);
    const { body: again } = await checked<{ id: string }>(
      "postResponse",
      { id: CLAIM },
      { token: writeToken, body: { stance: "support", body: "Documented answers let clients validate what they get." }, headers: { "idempotency-key": key } },
      200,
    );
    expect(again.id).toBe(posted.id);
    const [{ count }] = await appSql<{ count: string }>(`select count(*) from "Response" where "claimId" = $1 and "authorId" = $2`, [CLAIM, writer.id]);
    expect(count).toBe("1");

    const { body: read } = await checked<{ body: string }>("getResponse", { id: posted.id }, {}, 200);
    expect(read.body).toBe("Documented answers let clients validate what they get.");
    const { body: reply } = await checked<{ parentId: string }>(
      "postResponse",
      { id: CLAIM },
      { token: otherToken, body: { stance: "oppose", body: "Schemas drift unless generated from the code.", parentId: posted.id } },
      201,
    );
    expect(reply.parentId).toBe(posted.id);
    const { body: claim } = await checked<{ responses: { supporting: number; total: number } }>("getClaim", { id: CLAIM }, {}, 200);
    expect(claim.responses).toMatchObject({ supporting: 1, total: 2 });

    await checked("getResponse", { id: "no-such-response" }, {}, 404);
    await checked("getClaim", { id: "no-such-claim" }, {}, 404);
    await checked("postResponse", { id: "no-such-claim" }, { token: writeToken, body: { stance: "support", body: "A response to nothing at all." } }, 404);
    const { body: badKey } = await checked<{ errors: { in: string }[] }>(
      "postResponse",
      { id: CLAIM },
      { token: writeToken, body: { stance: "support", body: "Keys must look like keys." }, headers: { "idempotency-key": "short" } },
      400,
    );
    expect(badKey.errors[0].in).toBe("header");
  });

  test("raising a claim: 201 with Location, a reader's claim; the same words again 200 with it; a partial overlap 409 saying what could be raised; nothing else changes", async () => {
    const [first, second, third] = [
      "Raised claims need anchors too.",
      "A client can raise any sentence it reads in the text.",
      "Nothing else in this paragraph is marked yet at all.",
    ];
    const body = `${first} ${second} ${third}`;
    await createArticleWithClaim({ id: "raise-contract-article", title: "Raising claims", body, claim: first, suffix: " A client can" });
    const at = (words: string) => ({ start: body.indexOf(words), end: body.indexOf(words) + words.length, quote: words });
    const slug = { slug: "raise-contract-article" };

    const { body: raised, response } = await checked<{ id: string; origin: string; raisedBy: { id: string }; anchor: { exact: string } }>(
      "raiseClaim",
      slug,
      { token: writeToken, body: at(second) },
      201,
    );
    expect(raised).toMatchObject({ origin: "reader", raisedBy: { id: writer.id }, anchor: { exact: second } });
    expect(response.headers.get("location")).toBe(`/api/v1/claims/${raised.id}`);
    const { body: again } = await checked<{ id: string }>("raiseClaim", slug, { token: otherToken, body: at(second.slice(0, 30)) }, 200);
    expect(again.id).toBe(raised.id);

    const { body: partly } = await checked<{ detail: string }>("raiseClaim", slug, { token: writeToken, body: at(`text. ${third}`) }, 409);
    expect(partly.detail).toContain(`“${third}”`);
    await checked("raiseClaim", slug, { token: readToken, body: at(third) }, 403);
    await checked("raiseClaim", { slug: "no-such-article" }, { token: writeToken, body: at(third) }, 404);
    await checked("raiseClaim", slug, { token: writeToken, body: { start: 0 } }, 400);
    const [{ count }] = await appSql<{ count: string }>(`select count(*) from "Claim" where "articleId" = 'raise-contract-article'`);
    expect(count).toBe("2");
  });

  test("bad requests are problem details that name the field, and change nothing", async () => {
    const before = await appSql<{ count: string }>(`select count(*) from "Response" where "claimId" = $1`, [CLAIM]);
    const { body: short } = await checked<{ code: string; errors: { in: string; path: string }[] }>(
      "postResponse",
      { id: CLAIM },
      { token: writeToken, body: { stance: "support", body: "too short" } },
      400,
    );
    expect(short.code).toBe("invalid_request");
    expect(short.errors).toEqual([expect.objectContaining({ in: "body", path: "body" })]);
    const { body: stance } = await checked<{ errors: { path: string }[] }>(
      "postResponse",
      { id: CLAIM },
      { token: writeToken, body: { stance: "maybe", body: "Long enough to be a response." } },
      400,
    );
    expect(stance.errors[0].path).toBe("stance");
    const { body: malformed } = await checked<{ code: string }>("postResponse", { id: CLAIM }, { token: writeToken, body: "{not json" }, 400);
    expect(malformed.code).toBe("malformed_json");
    const notJson = await call(
      "postResponse",
      { id: CLAIM },
      { token: writeToken, body: "stance=support", headers: { "content-type": "application/x-www-form-urlencoded" } },
    );
    expect((await contract.check<{ code: string }>("postResponse", notJson)).code).toBe("unsupported_media_type");
    const { body: elsewhere } = await checked<{ detail: string }>(
      "postResponse",
      { id: CLAIM },
      { token: writeToken, body: { stance: "oppose", body: "Answering a response of another claim.", parentId: "no-such-response" } },
      404,
    );
    expect(elsewhere.detail).toMatch(/does not exist/);
    const after = await appSql<{ count: string }>(`select count(*) from "Response" where "claimId" = $1`, [CLAIM]);
    expect(after).toEqual(before);
  });

  test("tokens: none, unknown, read-only, revoked and a suspended owner are refused; cookies count for nothing; other sites may call with a token", async () => {
    const { body: anonymous, response } = await checked<{ code: string }>(
      "postResponse",
      { id: CLAIM },
      { body: { stance: "support", body: "No token, no posting." } },
      401,
    );
    expect(anonymous.code).toBe("unauthorized");
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const { body: unknown } = await checked<{ code: string }>("listArticles", {}, { token: "arg_pat_" + "x".repeat(43) }, 401);
    expect(unknown.code).toBe("invalid_token");
    const { body: readOnly } = await checked<{ code: string }>("voteOnClaim", { id: CLAIM }, { token: readToken, body: { value: "agree" } }, 403);
    expect(readOnly.code).toBe("insufficient_scope");
    await checked("getMe", {}, {}, 401);
    const { body: me } = await checked<{ id: string; token: { scope: string } }>("getMe", {}, { token: readToken }, 200);
    expect(me).toMatchObject({ id: writer.id, token: { scope: "read" } });

    // A signed-in browser's cookies do not authenticate the API: nothing for another site to forge.
    const browser = await signedIn(appUrl, writer);
    const withCookie = await browser.fetch(contract.route("voteOnClaim", { id: CLAIM }).path, {
      method: "PUT",
      headers: { "content-type": "application/json", origin: new URL(appUrl).origin },
      body: JSON.stringify({ value: "agree" }),
    });
    expect(withCookie.status).toBe(401);
    // With a token, another site's page may call (CORS): the token is the authority, not the origin.
    const crossSite = await call(
      "voteOnClaim",
      { id: CLAIM },
      { token: otherToken, body: { value: "disagree" }, headers: { origin: "https://elsewhere.example" } },
    );
    expect(crossSite.status).toBe(200);
    expect(crossSite.headers.get("access-control-allow-origin")).toBe("*");
    const preflight = await fetch(new URL(contract.route("voteOnClaim", { id: CLAIM }).path, appUrl), {
      method: "OPTIONS",
      headers: { origin: "https://elsewhere.example", "access-control-request-method": "PUT", "access-control-request-headers": "authorization, content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/Authorization/);

    const { token: doomed, client } = await createToken(writer, "write");
    await checked("getMe", {}, { token: doomed }, 200);
    const [{ id }] = await appSql<{ id: string }>(`select id from "PersonalAccessToken" where "tokenHash" = encode(sha256($1::bytea), 'hex')`, [doomed]);
    const revoked = await client.action({ ...SETTINGS, name: "revokeTokenAction" }, { tokenId: id });
    expect(revoked.ok).toBe(true);
    const { body: afterRevoke } = await checked<{ code: string }>("getMe", {}, { token: doomed }, 401);
    expect(afterRevoke.code).toBe("invalid_token");

    const banned = await createAccount("api-banned");
    const bannedToken = (await createToken(banned, "write")).token;
    await appSql(`update "User" set "bannedUntil" = now() + interval '1 day' where id = $1`, [banned.id]);
    const { body: suspended } = await checked<{ code: string }>(
      "postResponse",
      { id: CLAIM },
      { token: bannedToken, body: { stance: "support", body: "Banned people do not post." } },
      403,
    );
    expect(suspended.code).toBe("forbidden");
  });

  test("votes: a claim's agree/disagree and a response's strong/weak, changed and taken back; not on your own response", async () => {
    const voter = (await createToken(await createAccount("api-voter"), "write")).token;
    const counts = async () =>
      (await appSql<{ agree: number; disagree: number }>(`select "agreeVotes" as agree, "disagreeVotes" as disagree from "Claim" where id = $1`, [CLAIM]))[0];
    const start = await counts();
    const { body: agreed } = await checked<{ value: string; votes: { agree: number } }>(
      "voteOnClaim",
      { id: CLAIM },
      { token: voter, body: { value: "agree" } },
      200,
    );
    expect(agreed.votes.agree).toBe(start.agree + 1);
    const { body: changed } = await checked<{ votes: { agree: number; disagree: number } }>(
      "voteOnClaim",
      { id: CLAIM },
      { token: voter, body: { value: "disagree" } },
      200,
    );
    expect(changed.votes).toEqual({ agree: start.agree, disagree: start.disagree + 1 });
    await checked("voteOnClaim", { id: CLAIM }, { token: voter, body: { value: null } }, 200);
    expect(await counts()).toEqual(start);
    await checked("voteOnClaim", { id: "no-such-claim" }, { token: voter, body: { value: "agree" } }, 404);
    await checked("voteOnClaim", { id: CLAIM }, { token: voter, body: { value: "maybe" } }, 400);

    const [{ id: own }] = await appSql<{ id: string }>(`select id from "Response" where "claimId" = $1 and "authorId" = $2`, [CLAIM, writer.id]);
    const { body: strong } = await checked<{ votes: { strong: number }; strength: number }>(
      "voteOnResponse",
      { id: own },
      { token: voter, body: { value: "strong" } },
      200,
    );
    expect(strong.votes.strong).toBe(1);
    const { body: weak } = await checked<{ votes: { strong: number; weak: number } }>(
      "voteOnResponse",
      { id: own },
      { token: voter, body: { value: "weak" } },
      200,
    );
    expect(weak.votes).toEqual({ strong: 0, weak: 1 });
    const { body: self } = await checked<{ code: string }>("voteOnResponse", { id: own }, { token: writeToken, body: { value: "strong" } }, 403);
    expect(self.code).toBe("forbidden");
    await checked("voteOnResponse", { id: "no-such-response" }, { token: voter, body: { value: "strong" } }, 404);
    // Under review, voters meet its placeholder: it takes no votes (409, saying why); deleted with a
    // reply still hanging from it, it is there as "[deleted]" and takes no votes either.
    await appSql(`update "Response" set "hiddenAt" = now() where id = $1`, [own]);
    const { body: hidden } = await checked<{ code: string; detail: string }>("voteOnResponse", { id: own }, { token: voter, body: { value: null } }, 409);
    expect(hidden).toMatchObject({ code: "conflict", detail: "That response is hidden while moderators review it." });
    await appSql(`update "Response" set "hiddenAt" = null where id = $1`, [own]);
    const [{ id: reply }] = await appSql<{ id: string }>(
      `insert into "Response" (id, "claimId", "parentId", stance, "authorId", body) values ('contract-reply', $1, $2, 'oppose', $3, 'A reply that keeps it in place.') returning id`,
      [CLAIM, own, writer.id],
    );
    await appSql(`update "Response" set "deletedAt" = now(), body = '' where id = $1`, [own]);
    const { body: deleted } = await checked<{ code: string }>("voteOnResponse", { id: own }, { token: voter, body: { value: "strong" } }, 409);
    expect(deleted.code).toBe("conflict");
    await appSql(`delete from "Response" where id = $1`, [reply]);
  });

  test("responses: pages oldest first, each once even while others post; filters; a withheld one is a tombstone", async () => {
    const claim = await createArticleWithClaim({
      id: "paging-article",
      title: "Paging",
      body: "Paging must not skip anything. Even under writes.",
      claim: "Paging must not skip anything.",
    });
    await appSql(
      `insert into "Response" (id, "claimId", "parentId", stance, "authorId", body, "createdAt", "hiddenAt")
       select 'page-' || n, $1, case when n > 20 then 'page-1' end, case when n % 3 = 0 then 'oppose' else 'support' end::"Stance", $2,
              'Argument number ' || n || ' about paging.', now() - make_interval(mins => 100 - n), case when n = 5 then now() end
       from generate_series(1, 25) n`,
      [claim, writer.id],
    );
    const ids: string[] = [];
    const items = new Map<string, { status: string; body: string | null; author: unknown }>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { body } = await checked<{ items: { id: string; status: string; body: string | null; author: unknown }[]; nextCursor: string | null }>(
        "listClaimResponses",
        { id: claim },
        { query: { limit: "10", ...(cursor ? { cursor } : {}) } },
        200,
      );
      if (pages === 0) {
        // Someone posts while a client is paging: the new response comes at the end, nothing repeats.
        await appSql(`insert into "Response" (id, "claimId", stance, "authorId", body) values ('page-late', $1, 'support', $2, 'Posted while paging.')`, [
          claim,
          writer.id,
        ]);
      }
      ids.push(...body.items.map((item) => item.id));
      for (const item of body.items) items.set(item.id, item);
      cursor = body.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    // page-5 is under review: readers get its tombstone in its place, never its text or author.
    expect(ids).toEqual([...Array.from({ length: 25 }, (_, index) => `page-${index + 1}`), "page-late"]);
    expect(items.get("page-5")).toMatchObject({ status: "hidden", body: null, author: null });
    expect(pages).toBe(3);

    const { body: replies } = await checked<{ items: { id: string }[] }>(
      "listClaimResponses",
      { id: claim },
      { query: { parent: "page-1", limit: "100" } },
      200,
    );
    expect(replies.items.map((item) => item.id)).toEqual(["page-21", "page-22", "page-23", "page-24", "page-25"]);
    const { body: opposing } = await checked<{ items: { id: string; stance: string; parentId: string | null }[] }>(
      "listClaimResponses",
      { id: claim },
      { query: { parent: "root", stance: "oppose", limit: "100" } },
      200,
    );
    expect(opposing.items.map((item) => item.id)).toEqual(["page-3", "page-6", "page-9", "page-12", "page-15", "page-18"]);
    await checked("listClaimResponses", { id: "no-such-claim" }, {}, 404);
    await checked("listClaimResponses", { id: claim }, { query: { stance: "sideways" } }, 400);
  });

  test("rate limits: every answer says where the caller stands; past the limit, 429 with Retry-After", async () => {
    const { body: me, response } = await checked<{ token: { id: string } }>("getMe", {}, { token: readToken }, 200);
    expect(response.headers.get("ratelimit-limit")).toBe("600");
    const remaining = Number(response.headers.get("ratelimit-remaining"));
    expect(remaining).toBeLessThan(600);
    // Fill this minute's (and, in case it turns, the next minute's) allowance for the token.
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    for (const start of [minute, minute + 60_000]) {
      await appSql(
        `insert into "RateLimitCounter" (key, "windowStart", count) values ($1, $2, 600) on conflict (key, "windowStart") do update set count = 600`,
        [`api:token:${me.token.id}`, new Date(start)],
      );
    }
    const { body: limited, response: refused } = await checked<{ code: string }>("getClaim", { id: CLAIM }, { token: readToken }, 429);
    expect(limited.code).toBe("rate_limited");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    // The limit is the token's: the same request without it (the address's own allowance) still works.
    await checked("getClaim", { id: CLAIM }, {}, 200);
  });

  test("unknown API paths and methods answer as problem details (404, 405 with Allow)", async () => {
    const response = await fetch(new URL("/api/v1/no-such-thing", appUrl));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 404, code: "not_found" });
    const wrongMethod = await fetch(new URL("/api/v1/articles", appUrl), { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(await wrongMethod.json()).toMatchObject({ status: 405, code: "method_not_allowed" });
    const postOnGet = await fetch(new URL(`/api/v1/claims/${CLAIM}`, appUrl), { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(postOnGet.status).toBe(405);
    // A HEAD of a readable resource is fine.
    expect((await fetch(new URL(`/api/v1/claims/${CLAIM}`, appUrl), { method: "HEAD" })).status).toBe(200);
  });

  test("every documented operation was exercised, with its success status", () => {
    for (const operationId of contract.operationIds) {
      expect([...(contract.exercised.get(operationId) ?? [])], operationId).toEqual(
        expect.arrayContaining([operationId === "postResponse" || operationId === "raiseClaim" ? 201 : 200]),
      );
    }
  });
});
