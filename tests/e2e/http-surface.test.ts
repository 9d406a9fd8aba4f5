// The app's HTTP surface called directly, without the UI: every server action and route handler as an
// attacker (or a buggy client) would call them. Access control, CSRF, sessions, hostile bodies and
// concurrency, each checked against the database.
import { beforeAll, describe, expect, test } from "vitest";
import { appSql } from "../support/app-database";
import { appUrl, chromiumPath } from "../support/browser";
import { actionId, createAccount, HttpClient, signedIn, type ResponseDraft, type TestAccount } from "../support/http";

const CLAIMS = "app/claims/[id]/actions.ts";
const MODERATION = "app/moderation/actions.ts";
const ADMIN = "app/admin/actions.ts";
const EDITOR = "app/editor/articles/[id]/actions.ts";
const action = (file: string, name: string) => ({ file, name, page: "/" });

const WATCHED_TABLES = [
  "Article",
  "Submission",
  "Feed",
  "SiteRule",
  "Claim",
  "Response",
  "ResponseRevision",
  "ClaimVote",
  "ResponseVote",
  "ResponseSource",
  "SourceRequest",
  "Follow",
  "Notification",
  "Report",
  "ModerationAction",
  "WordFilter",
  "Setting",
  "User",
  "PersonalAccessToken",
  "UserSession",
  "EmailToken",
  "NameChange",
  "BannedEmail",
  "AccountEvent",
];

/** Every row of the tables a forbidden request could touch, hashed per table. */
async function fingerprint() {
  const result: Record<string, string> = {};
  for (const table of WATCHED_TABLES) {
    const [row] = await appSql<{ hash: string }>(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from "${table}" t`);
    result[table] = row.hash;
  }
  return result;
}

let claimId: string;
let secondClaimId: string;
let articleId: string;
let owner: TestAccount;
let ownerClient: HttpClient;
let ownersResponse: string;
let wordFilterId: string;
let ownersTokenId: string;

/** As the claim page posts (POST /api/claims/:id/responses, answered by the edge: decision 022). */
async function postResponse(client: HttpClient, body: string, extra: Record<string, unknown> = {}) {
  return (await client.postResponse(claimId, { parentId: null, stance: "support", body, ...extra })).result;
}

/** Mark what the edge answers itself rather than a server action, in the permission matrix below. */
const EDGE = "server/post-response-endpoint.ts";
const CRUX = "server/crux-endpoint.ts";

describe.skipIf(!chromiumPath)("the HTTP surface, called directly", () => {
  beforeAll(async () => {
    // The last claims of the last demo article: the browser tests work on the first ones. Named, not
    // "the newest article": other test files add articles of their own, in any order.
    [{ id: claimId, articleId }, { id: secondClaimId }] = await appSql<{ id: string; articleId: string }>(
      `select c.id, c."articleId" from "Claim" c join "Article" a on a.id = c."articleId"
       where a.status = 'published' and a.slug like 'why-the-us%' order by c.start desc limit 2`,
    );
    owner = await createAccount("owner");
    ownerClient = await signedIn(appUrl, owner);
    const posted = await postResponse(ownerClient, "The owner's argument, which others must not change.");
    expect(posted.ok).toBe(true);
    ownersResponse = (posted as { data: { id: string } }).data.id;
    const token = await ownerClient.action(
      { file: "app/settings/actions.ts", name: "createTokenAction", page: "/settings" },
      { name: "owner's", scope: "write", expiry: "30" },
    );
    ownersTokenId = (token as { data: { id: string } }).data.id;
    [{ id: wordFilterId }] = await appSql<{ id: string }>(
      `insert into "WordFilter" (id, pattern, mode, "createdAt") values ('wf-http', 'forbiddenword', 'block', now()) returning id`,
    );
  });

  describe("access control: the permission matrix over HTTP", () => {
    test("anonymous, banned, silenced, other users, and roles below the action's get 401/403 and change nothing", async () => {
      const plain = await signedIn(appUrl, await createAccount("plain"));
      const moderatorAccount = await createAccount("moderator", { role: "moderator" });
      const moderator = await signedIn(appUrl, moderatorAccount);
      const editor = await signedIn(appUrl, await createAccount("editor", { role: "editor" }));
      const silencedAccount = await createAccount("silenced");
      await appSql(`update "User" set "silencedUntil" = now() + interval '3 days', "silenceReason" = 'cooling off' where id = $1`, [silencedAccount.id]);
      const silenced = await signedIn(appUrl, silencedAccount);
      const bannedAccount = await createAccount("banned");
      const banned = await signedIn(appUrl, bannedAccount); // signed in before the ban: the session exists
      await appSql(`update "User" set "bannedUntil" = now() + interval '30 days', "banReason" = 'spam' where id = $1`, [bannedAccount.id]);
      const anonymous = new HttpClient(appUrl);

      const respond = { parentId: null, stance: "oppose", body: "An argument that should never be stored." };
      const edit = { claimId, responseId: ownersResponse, body: "Vandalised text that must not be stored.", seenEditedAt: null };
      const everyMutation: [string, string, unknown][] = [
        [EDGE, "POST /api/claims/:id/responses", respond],
        [CLAIMS, "editResponseAction", edit],
        [CLAIMS, "deleteResponseAction", { claimId, responseId: ownersResponse }],
        [CLAIMS, "voteOnResponseAction", { claimId, responseId: ownersResponse, value: "strong" }],
        [CLAIMS, "askForSourceAction", { claimId, responseId: ownersResponse, needsSource: true }],
        [CLAIMS, "followClaimAction", { claimId, follow: true }],
        [CLAIMS, "followResponseAction", { claimId, responseId: ownersResponse, follow: true }],
        [CLAIMS, "reportAction", { claimId, target: { type: "response", id: ownersResponse }, ruleId: "rule-spam", note: null, duplicateOfId: null }],
        ["app/notifications/actions.ts", "markNotificationsReadAction", {}],
        ["app/settings/actions.ts", "createTokenAction", { name: "stolen", scope: "write", expiry: "never" }],
        ["app/settings/actions.ts", "revokeTokenAction", { tokenId: ownersTokenId }],
        // One's own account: nobody signed in (or banned) may change an account through them.
        ["app/settings/actions.ts", "changeNameAction", { name: "Renamed by nobody" }],
        ["app/settings/actions.ts", "changePasswordAction", { currentPassword: owner.password, newPassword: "a takeover passphrase 99" }],
        ["app/settings/actions.ts", "changeEmailAction", { newEmail: "attacker@example.com", password: owner.password }],
        ["app/settings/actions.ts", "resendVerificationAction", {}],
        ["app/settings/actions.ts", "mailPreferencesAction", { replyMail: "off", followMail: false, digest: "off" }],
        ["app/settings/actions.ts", "endSessionAction", { sessionId: "any-session" }],
        ["app/settings/actions.ts", "signOutEverywhereAction", {}],
        ["app/settings/actions.ts", "deleteAccountAction", { password: owner.password, confirmation: "delete my account", keepText: false }],
        ["app/submit/actions.ts", "submitArticleAction", { url: "https://example.org/never-stored", text: null, selection: null }],
      ];
      const staffOnly: [string, string, unknown][] = [
        [
          MODERATION,
          "moderateAction",
          {
            target: { type: "response", id: ownersResponse },
            action: "remove",
            version: 0,
            ruleId: "rule-spam",
            note: "gone",
            duplicateOfId: null,
            text: null,
          },
        ],
        [MODERATION, "sanctionAction", { userId: owner.id, kind: "ban", ruleId: "rule-spam", note: "because I can", days: 30 }],
        [MODERATION, "lockArticleAction", { articleId, locked: true, ruleId: "rule-spam", note: "locked" }],
        [MODERATION, "siteRulesAction", {}],
      ];
      const adminOnly: [string, string, unknown][] = [
        [ADMIN, "setRoleAction", { userId: moderatorAccount.id, role: "admin" }],
        [ADMIN, "addWordFilterAction", { pattern: "harmless", mode: "block" }],
        [ADMIN, "removeWordFilterAction", { id: wordFilterId }],
        [ADMIN, "updateSettingAction", { key: "votesPerMinute", value: 100000 }],
        [ADMIN, "saveSiteRuleAction", { id: null, name: "A rule nobody approved", text: "Added by someone who may not add rules.", needsNote: false }],
        [ADMIN, "retireSiteRuleAction", { id: "rule-spam", retired: true }],
      ];
      const editorOnly: [string, string, unknown][] = [
        [EDITOR, "dismissClaimAction", { articleId, claimId }],
        [EDITOR, "rewordClaimAction", { articleId, claimId, text: "A reworded claim nobody approved." }],
        [EDITOR, "addClaimAction", { articleId, start: 0, end: 40 }],
        [EDITOR, "mergeClaimsAction", { articleId, firstId: claimId, secondId: claimId }],
        [EDITOR, "splitClaimAction", { articleId, claimId, at: 5 }],
        [EDITOR, "publishArticleAction", { articleId }],
        [EDITOR, "declineSubmissionAction", { articleId, reason: "Declined by someone who may not." }],
        ["app/editor/feeds/actions.ts", "addFeedAction", { url: "https://example.org/feed.xml", intervalMinutes: 60 }],
        ["app/editor/feeds/actions.ts", "removeFeedAction", { feedId: "any-feed" }],
        ["app/editor/feeds/actions.ts", "fetchFeedNowAction", { feedId: "any-feed" }],
      ];
      const cases: [string, HttpClient, [string, string, unknown][], number][] = [
        ["anonymous", anonymous, [...everyMutation, ...staffOnly, ...adminOnly, ...editorOnly], 401],
        ["banned", banned, [...everyMutation, ...staffOnly], 401],
        ["silenced", silenced, [everyMutation[0], everyMutation[1]], 403],
        ["another user", plain, [everyMutation[1], everyMutation[2]], 403],
        // "Needs a source" is a vote: never on one's own response.
        ["the author", ownerClient, everyMutation.filter(([, name]) => name === "askForSourceAction"), 403],
        // One's crux is read from one's own votes: nobody signed out (or banned) has one.
        ["anonymous", anonymous, [[CRUX, "GET /api/claims/:id/crux", null]], 401],
        ["banned", banned, [[CRUX, "GET /api/claims/:id/crux", null]], 401],
        // Only the reader who raised a claim may withdraw it (this one is the article's own).
        ["anonymous", anonymous, [[CLAIMS, "withdrawClaimAction", { claimId }]], 401],
        ["banned", banned, [[CLAIMS, "withdrawClaimAction", { claimId }]], 401],
        ["another user", plain, [[CLAIMS, "withdrawClaimAction", { claimId }]], 403],
        ["a moderator", moderator, [[CLAIMS, "withdrawClaimAction", { claimId }]], 403],
        // Someone else's token is "not found" to them: revoking cannot probe which ids exist.
        ["another user", plain, everyMutation.filter(([, name]) => name === "revokeTokenAction"), 404],
        ["a plain user", plain, [...staffOnly, ...adminOnly, ...editorOnly], 403],
        ["an editor", editor, [...staffOnly, ...adminOnly], 403],
        ["a moderator", moderator, adminOnly, 403],
      ];

      const before = await fingerprint();
      let checked = 0;
      const wrong: string[] = [];
      for (const [who, client, actions, expected] of cases) {
        for (const [file, name, argument] of actions) {
          const result =
            file === EDGE
              ? (await client.postResponse(claimId, argument as ResponseDraft)).result
              : file === CRUX
                ? (await client.personalCrux(claimId)).result
                : await client.action(action(file, name), argument);
          checked += 1;
          if (result.ok || result.status !== expected) wrong.push(`${who} ${name}: ${JSON.stringify(result)}, expected ${expected}`);
        }
      }
      // Claim votes are an endpoint of their own (POST /api/claims/:id/vote), held to the same rules.
      for (const [who, client, expected] of [
        ["anonymous", anonymous, 401],
        ["banned", banned, 401],
      ] as const) {
        const { response, result } = await client.voteOnClaim(claimId, "agree");
        checked += 1;
        if (result.ok || response.status !== expected || result.status !== expected)
          wrong.push(`${who} claim vote: ${response.status} ${JSON.stringify(result)}, expected ${expected}`);
      }
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(50);
      expect(await fingerprint()).toEqual(before);
    });

    test("the import endpoint refuses anonymous (401) and non-editors (403) and stores nothing", async () => {
      const plain = await signedIn(appUrl, await createAccount("plain-import"));
      const body = JSON.stringify({ mode: "text", content: "A headline\n\nA paragraph that would become an article." });
      const headers = { "content-type": "application/json", origin: new URL(appUrl).origin };
      const before = await fingerprint();
      const anonymous = await new HttpClient(appUrl).fetch("/api/editor/import", { method: "POST", headers, body });
      expect(anonymous.status).toBe(401);
      const forbidden = await plain.fetch("/api/editor/import", { method: "POST", headers, body });
      expect(forbidden.status).toBe(403);
      expect(forbidden.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
      expect(await forbidden.json()).toEqual({
        type: "about:blank",
        title: "Forbidden",
        status: 403,
        code: "forbidden",
        detail: "Only editors can import articles.",
      });
      expect(await fingerprint()).toEqual(before);
    });

    test("fields a client must not set (author, role, score, hidden, id, voter) are ignored", async () => {
      const plainAccount = await createAccount("sneaky");
      const sneaky = await signedIn(appUrl, plainAccount);
      const result = await postResponse(sneaky, "Posted with forged fields that must be ignored.", {
        authorId: owner.id,
        id: "chosen-id",
        role: "admin",
        score: 1000,
        hidden: false,
        hiddenAt: null,
        createdAt: "2000-01-01T00:00:00Z",
        claimId: secondClaimId,
      });
      expect(result).toMatchObject({ ok: true });
      const [stored] = await appSql<{ id: string; authorId: string; createdAt: Date; claimId: string }>(
        `select id, "authorId", "createdAt", "claimId" from "Response" where body = 'Posted with forged fields that must be ignored.'`,
      );
      expect(stored.authorId).toBe(plainAccount.id);
      expect(stored.claimId).toBe(claimId);
      expect(stored.id).not.toBe("chosen-id");
      expect(stored.createdAt.getFullYear()).toBeGreaterThan(2000);
      const [{ role }] = await appSql<{ role: string }>(`select role from "User" where id = $1`, [plainAccount.id]);
      expect(role).toBe("user");

      const forged = await sneaky.voteOnClaim(claimId, "disagree", { body: JSON.stringify({ value: "disagree", userId: owner.id, claimId: "another-claim" }) });
      expect(forged.result.ok).toBe(true);
      const votes = await appSql<{ userId: string }>(`select "userId" from "ClaimVote" where "claimId" = $1 and value = 'disagree'`, [claimId]);
      expect(votes.map((vote) => vote.userId)).toEqual([plainAccount.id]);
    });
  });

  describe("health check", () => {
    test("GET /api/health answers 200 with the database reachable, uncached", async () => {
      const response = await fetch(`${appUrl}/api/health`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toContain("no-store");
      expect(await response.json()).toEqual({ status: "ok", database: "ok" });
    });
  });

  describe("CSRF", () => {
    test("mutations naming another site (or a sandboxed 'null' origin) are refused with 403 before they run", async () => {
      const voter = await signedIn(appUrl, await createAccount("csrf-target"));
      for (const origin of ["https://evil.example", "null", "http://localhost.evil.example"]) {
        const { response, text } = await voter.callAction(
          action(CLAIMS, "voteOnResponseAction"),
          { claimId, responseId: ownersResponse, value: "strong" },
          { origin },
        );
        expect(response.status, origin).toBe(403);
        expect(response.headers.get("content-type"), origin).toBe("application/problem+json; charset=utf-8");
        expect(JSON.parse(text)).toMatchObject({ status: 403, code: "forbidden", detail: "Requests that change data must come from Arguably's own pages." });
        const vote = await voter.voteOnClaim(claimId, "agree", { origin });
        expect(vote.response.status, origin).toBe(403);
        expect(vote.result).toMatchObject({ ok: false, error: "Requests that change data must come from Arguably's own pages." });
        const imported = await voter.fetch("/api/editor/import", {
          method: "POST",
          headers: { origin, "content-type": "application/json" },
          body: JSON.stringify({ mode: "text", content: "x" }),
        });
        expect(imported.status, origin).toBe(403);
      }
      const signIn = await new HttpClient(appUrl).fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: owner.email, password: owner.password, csrfToken: "x" }),
      });
      expect(signIn.status).toBe(403);
      // The vote endpoint, like every route handler that changes data, also insists on an Origin.
      expect((await voter.voteOnClaim(claimId, "agree", { origin: null })).response.status).toBe(403);
      expect(await appSql(`select 1 from "ClaimVote" v join "User" u on u.id = v."userId" where u.name = 'csrf-target'`)).toEqual([]);
      expect(await appSql(`select 1 from "ResponseVote" v join "User" u on u.id = v."userId" where u.name = 'csrf-target'`)).toEqual([]);
    });
  });

  describe("sessions", () => {
    test("each sign-in gets a new session (a planted cookie is replaced); sign-out ends it even for a copied cookie", async () => {
      const account = await createAccount("session");
      const planted = new HttpClient(appUrl);
      await planted.fetch("/", { headers: { cookie: "next-auth.session-token=attacker-chosen" } });
      const first = await signedIn(appUrl, account);
      const second = await signedIn(appUrl, account);
      expect(first.cookieHeader).not.toContain("attacker-chosen");
      expect(first.cookieHeader).not.toBe(second.cookieHeader);
      const sessions = await appSql<{ id: string }>(`select id from "UserSession" where "userId" = $1`, [account.id]);
      expect(sessions).toHaveLength(2);

      const setCookie = (await new HttpClient(appUrl).signIn(account.email, account.password)).headers
        .getSetCookie()
        .find((cookie) => cookie.includes("session-token"));
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);

      // A copy of the first session's cookie, as a thief would hold it: it works until sign-out.
      const stolen = HttpClient.withCookies(appUrl, first.cookieHeader);
      expect(await stolen.action(action(CLAIMS, "followClaimAction"), { claimId, follow: true })).toMatchObject({ ok: true });
      const { csrfToken } = (await (await first.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const signOut = await first.fetch("/api/auth/signout", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(appUrl).origin },
        body: new URLSearchParams({ csrfToken, json: "true" }),
      });
      expect(signOut.status).toBe(200);
      expect(first.cookieHeader).not.toContain("session-token");
      expect(await stolen.action(action(CLAIMS, "followClaimAction"), { claimId, follow: false })).toMatchObject({ ok: false, status: 401 });
      expect(await appSql(`select count(*)::int as n from "UserSession" where "userId" = $1 and "endedAt" is not null`, [account.id])).toEqual([{ n: 1 }]);
      // The second session (another device) is untouched.
      expect((await second.action(action(CLAIMS, "followClaimAction"), { claimId, follow: true })).ok).toBe(true);
    });
  });

  describe("hostile bodies", () => {
    test("bodies over the limit get 413; unreadable action bodies and JSON get 400; nothing is stored", async () => {
      const client = await signedIn(appUrl, await createAccount("hostile"));
      const editor = await signedIn(appUrl, await createAccount("hostile-editor", { role: "editor" }));
      const before = await fingerprint();
      const vote = action(CLAIMS, "voteOnResponseAction");

      const huge = await client.callAction(vote, null, { body: JSON.stringify([{ claimId, value: "agree", padding: "x".repeat(2_000_000) }]) });
      expect(huge.response.status).toBe(413);
      expect(JSON.parse(huge.text)).toMatchObject({ status: 413, code: "payload_too_large", detail: expect.stringMatching(/larger than Arguably accepts/) });

      for (const body of ["{not json", '{"claimId":"x"}', "", "[1,2"]) {
        const malformed = await client.callAction(vote, null, { body });
        expect(malformed.response.status, body).toBe(400);
        expect(malformed.text).not.toMatch(/at .*\.js|Error:/);
      }

      // The vote endpoint: the same 413 before it reads anything, and 400 for anything but its JSON.
      const hugeVote = await client.voteOnClaim(claimId, "agree", { body: JSON.stringify({ value: "agree", padding: "x".repeat(2_000_000) }) });
      expect(hugeVote.response.status).toBe(413);
      for (const body of ["{not json", '{"value":"maybe"}', "", "[1,2"]) {
        const malformed = await client.voteOnClaim(claimId, "agree", { body });
        expect(malformed.response.status, body).toBe(400);
        expect(malformed.result).toMatchObject({ ok: false, status: 400 });
      }

      const brokenForm = await client.fetch("/", {
        method: "POST",
        headers: {
          "next-action": actionId(CLAIMS, "voteOnResponseAction"),
          "content-type": "multipart/form-data; boundary=XYZ",
          origin: new URL(appUrl).origin,
        },
        body: '--XYZ\r\nContent-Disposition: form-data; name="1"\r\n\r\nunterminated',
      });
      expect(brokenForm.status).toBe(400);

      const headers = { "content-type": "application/json", origin: new URL(appUrl).origin };
      const badJson = await editor.fetch("/api/editor/import", { method: "POST", headers, body: '{"mode": "text", "content": ' });
      expect(badJson.status).toBe(400);
      const tooBig = await editor.fetch("/api/editor/import", {
        method: "POST",
        headers,
        body: JSON.stringify({ mode: "text", content: "word ".repeat(2_600_000) }),
      });
      expect(tooBig.status).toBe(413);
      expect(await fingerprint()).toEqual(before);
    });
  });

  describe("concurrency", () => {
    test("50 identical votes at once from one person leave one vote and a count of one", async () => {
      const account = await createAccount("eager-voter");
      const voter = await signedIn(appUrl, account);
      const target = { id: secondClaimId };
      const results = await Promise.all(Array.from({ length: 50 }, () => voter.voteOnClaim(target.id, "agree")));
      expect(results.filter(({ result }) => result.ok)).toHaveLength(50);
      expect(await appSql(`select count(*)::int as n from "ClaimVote" where "claimId" = $1`, [target.id])).toEqual([{ n: 1 }]);
      expect(await appSql(`select "userId" from "ClaimVote" where "claimId" = $1`, [target.id])).toEqual([{ userId: account.id }]);
    });

    test("two edits of one response at once: one wins, the other gets 409, and the stored text is the winner's", async () => {
      const author = await signedIn(appUrl, await createAccount("two-tabs"));
      const posted = await postResponse(author, "The first version of a response edited in two tabs.");
      const responseId = (posted as { data: { id: string } }).data.id;
      const texts = ["Edited in the first tab, with care.", "Edited in the second tab, differently."];
      const results = await Promise.all(
        texts.map((body) => author.action(action(CLAIMS, "editResponseAction"), { claimId, responseId, body, seenEditedAt: null })),
      );
      expect(results.map((result) => (result.ok ? "ok" : result.status)).sort()).toEqual([409, "ok"]);
      const winner = texts[results.findIndex((result) => result.ok)];
      expect(await appSql(`select body from "Response" where id = $1`, [responseId])).toEqual([{ body: winner }]);
      expect(await appSql(`select body from "ResponseRevision" where "responseId" = $1`, [responseId])).toEqual([
        { body: "The first version of a response edited in two tabs." },
      ]);
    });

    test("a double submit posts the response once, and both answers name it", async () => {
      const author = await signedIn(appUrl, await createAccount("double-click"));
      const submissionKey = "0123456789abcdef0123456789abcdef";
      const body = "Submitted twice by an impatient double click.";
      const results = await Promise.all([postResponse(author, body, { submissionKey }), postResponse(author, body, { submissionKey })]);
      const retry = await postResponse(author, body, { submissionKey });
      expect([...results, retry].every((result) => result.ok)).toBe(true);
      const ids = new Set([...results, retry].map((result) => (result as { data: { id: string } }).data.id));
      expect(ids.size).toBe(1);
      expect(await appSql(`select count(*)::int as n from "Response" where body = $1`, [body])).toEqual([{ n: 1 }]);
    });
  });
});
