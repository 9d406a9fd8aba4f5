// Every read path, from outside: hidden, removed, deleted and draft content (and their ids) reach no one
// who may not see them, over every page and API operation of the route list, for anonymous readers,
// plain users, authors, moderators and editors. The route list comes from the code
// (server/route-list.ts): a new page or handler fails the first test below until it is given
// probes here (or a reason it reads no debate content).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { appSql } from "../support/app-database";
import { appUrl, chromiumPath } from "../support/browser";
import { createAccount, HttpClient, signedIn, type TestAccount } from "../support/http";
import { readAppRoutes } from "@/server/route-list";

const nonce = randomBytes(4).toString("hex");
const id = (name: string) => `vis-${nonce}-${name}`;

/** Text only some people may read, and the ids that must not appear for others. */
const SECRET = {
  hiddenText: `HIDDEN-TEXT-${nonce}`,
  hiddenRevision: `HIDDEN-REVISION-${nonce}`,
  underHiddenText: `BELOW-WITHHELD-${nonce}`,
  removedText: `REMOVED-TEXT-${nonce}`,
  hiddenClaimText: `HIDDEN-CLAIM-${nonce}`,
  onHiddenClaimText: `ON-CLAIM-UNDER-REVIEW-${nonce}`,
  draftTitle: `DRAFT-TITLE-${nonce}`,
  draftClaimText: `DRAFT-CLAIM-${nonce}`,
  draftResponseText: `DRAFT-RESPONSE-${nonce}`,
};
const IDS = {
  article: id("article"),
  openClaim: id("claim-open"),
  hiddenClaim: id("claim-hidden"),
  draftArticle: id("draft"),
  draftClaim: id("draft-claim"),
  shown: id("shown"),
  hidden: id("hidden"),
  underHidden: id("under-hidden"),
  removed: id("removed"),
  deletedLeaf: id("deleted-leaf"),
  deletedWithReply: id("deleted-with-reply"),
  underDeleted: id("under-deleted"),
  onHiddenClaim: id("on-hidden-claim"),
  draftResponse: id("draft-response"),
};
/**
 * Ids readers must never meet. The hidden and removed responses are not among them: readers meet a
 * placeholder with their id where they were (issue 31), never their text, author or figures.
 */
const WITHHELD_IDS = [IDS.underHidden, IDS.deletedLeaf, IDS.hiddenClaim, IDS.onHiddenClaim, IDS.draftArticle, IDS.draftClaim, IDS.draftResponse];
/** The words around each secret token: what search and the similar-arguments lookup are asked. */
const WITHHELD_WORDING = [
  "was reported and is under review",
  "answers the hidden one",
  "broke the rules",
  "sits on a hidden claim",
  "was imported with the draft",
  "was its first wording",
  "claims something hidden",
];
const SHOWN_TEXT = `SHOWN-TEXT-${nonce}`;
const UNDER_DELETED_TEXT = `UNDER-DELETED-TEXT-${nonce}`;

let author: TestAccount; // wrote the hidden response (and the shown one)
let other: TestAccount; // wrote the removed one and the reply under the hidden one
let reader: TestAccount; // a plain user who follows and reported things
let moderator: TestAccount;
let editor: TestAccount; // answered in the draft
const clients = new Map<string, HttpClient>();
const tokens = new Map<string, string>();

async function fixture() {
  const body = "An opening sentence that makes a claim. A second sentence that makes another. The end.";
  await appSql(`insert into "Article" (id, slug, title, body, blocks, "sourceHash", status) values ($1, $1, $2, $3, $4::jsonb, $1, 'published')`, [
    IDS.article,
    `Visibility article ${nonce}`,
    body,
    JSON.stringify([{ kind: "paragraph", start: 0, end: body.length }]),
  ]);
  await appSql(
    `insert into "Article" (id, slug, title, body, blocks, "sourceHash", status, "importedById") values ($1, $1, $2, $3, $4::jsonb, $1, 'draft', $5)`,
    [IDS.draftArticle, SECRET.draftTitle, `${SECRET.draftClaimText} is in a draft.`, JSON.stringify([{ kind: "paragraph", start: 0, end: 40 }]), editor.id],
  );
  const claim = (claimId: string, articleId: string, start: number, end: number, text: string) =>
    appSql(`insert into "Claim" (id, "articleId", start, "end", exact, prefix, suffix, text, "updatedAt") values ($1, $2, $3, $4, $5, '', '', $5, now())`, [
      claimId,
      articleId,
      start,
      end,
      text,
    ]);
  await claim(IDS.openClaim, IDS.article, 0, 39, "An opening sentence that makes a claim.");
  await claim(IDS.hiddenClaim, IDS.article, 40, 80, `${SECRET.hiddenClaimText} claims something hidden`);
  await claim(IDS.draftClaim, IDS.draftArticle, 0, 30, SECRET.draftClaimText);
  const respond = (responseId: string, claimId: string, parentId: string | null, authorId: string, text: string, minutes: number) =>
    appSql(
      `insert into "Response" (id, "claimId", "parentId", stance, "authorId", body, "createdAt") values ($1, $2, $3, 'support', $4, $5, now() - make_interval(mins => $6))`,
      [responseId, claimId, parentId, authorId, text, minutes],
    );
  await respond(IDS.shown, IDS.openClaim, null, author.id, `${SHOWN_TEXT} is an argument everyone may read.`, 60);
  await respond(IDS.hidden, IDS.openClaim, null, author.id, `${SECRET.hiddenText} was reported and is under review.`, 59);
  await respond(IDS.underHidden, IDS.openClaim, IDS.hidden, other.id, `${SECRET.underHiddenText} answers the hidden one.`, 58);
  await respond(IDS.removed, IDS.openClaim, null, other.id, `${SECRET.removedText} broke the rules.`, 57);
  await respond(IDS.deletedLeaf, IDS.openClaim, null, other.id, "A response its author deleted, with no replies.", 56);
  await respond(IDS.deletedWithReply, IDS.openClaim, null, other.id, "A response its author deleted, with a reply.", 55);
  await respond(IDS.underDeleted, IDS.openClaim, IDS.deletedWithReply, author.id, `${UNDER_DELETED_TEXT} still stands.`, 54);
  await respond(IDS.onHiddenClaim, IDS.hiddenClaim, null, author.id, `${SECRET.onHiddenClaimText} sits on a hidden claim.`, 53);
  await respond(IDS.draftResponse, IDS.draftClaim, null, editor.id, `${SECRET.draftResponseText} was imported with the draft.`, 52);
  // An edit history for the hidden one; then moderation and deletions, as the app's write paths do them.
  await appSql(`insert into "ResponseRevision" (id, "responseId", body, "createdAt") values ($1, $2, $3, now() - interval '1 hour')`, [
    id("revision"),
    IDS.hidden,
    `${SECRET.hiddenRevision} was its first wording.`,
  ]);
  await appSql(`update "Response" set "editedAt" = now() where id = $1`, [IDS.hidden]);
  await appSql(`update "Response" set "hiddenAt" = now() where id = $1`, [IDS.hidden]);
  await appSql(`update "Response" set "removedAt" = now(), "removalReason" = 'Abuse' where id = $1`, [IDS.removed]);
  await appSql(`update "Response" set "deletedAt" = now(), body = '' where id = any($1)`, [[IDS.deletedLeaf, IDS.deletedWithReply]]);
  await appSql(`update "Claim" set "hiddenAt" = now() where id = $1`, [IDS.hiddenClaim]);
  // What links to them: notifications, follows, reports, the moderation log.
  for (const [responseId, userId] of [
    [IDS.underHidden, reader.id],
    [IDS.hidden, reader.id],
    [IDS.removed, reader.id],
    [IDS.shown, reader.id],
    [IDS.underHidden, author.id],
  ]) {
    await appSql(`insert into "Notification" (id, "userId", kind, "actorId", "responseId") values ($1, $2, 'reply', $3, $4)`, [
      id(`note-${responseId}-${userId}`),
      userId,
      other.id,
      responseId,
    ]);
  }
  // What the reader did before the items were withheld: a follow and a vote (their layer must not name them).
  await appSql(`insert into "Follow" (id, "userId", "responseId") values ($1, $2, $3), ($4, $2, $5)`, [
    id("follow-hidden"),
    reader.id,
    IDS.hidden,
    id("follow-under-hidden"),
    IDS.underHidden,
  ]);
  await appSql(`insert into "ResponseVote" ("responseId", "userId", value) values ($1, $2, 'strong'), ($3, $2, 'weak')`, [IDS.removed, reader.id, IDS.hidden]);
  await appSql(`insert into "Report" (id, "reporterId", "responseId", "ruleId") values ($1, $2, $3, 'rule-spam'), ($4, $2, $5, 'rule-harassment')`, [
    id("report-1"),
    reader.id,
    IDS.hidden,
    id("report-2"),
    IDS.removed,
  ]);
  await appSql(`insert into "Report" (id, "reporterId", "claimId", "ruleId", note) values ($1, $2, $3, 'rule-other', 'Unclear')`, [
    id("report-3"),
    reader.id,
    IDS.hiddenClaim,
  ]);
  await appSql(
    `insert into "ModerationAction" (id, "moderatorId", action, "targetType", "targetId", reason) values
       ($1, $2, 'hide', 'response', $3, 'Pending review'), ($4, $2, 'remove', 'response', $5, 'Abuse'), ($6, $2, 'hide', 'claim', $7, 'Unclear')`,
    [id("log-1"), moderator.id, IDS.hidden, id("log-2"), IDS.removed, id("log-3"), IDS.hiddenClaim],
  );
}

type Probe = string | { path: string; token?: boolean };
/** How to read each route with the fixture; or why it holds no debate content to probe. */
const PROBES: Record<string, Probe[] | { noContent: string }> = {
  "/": ["/"],
  "/admin": ["/admin"],
  "/api/articles/[slug]/export": ["argdown", "aif", "annotations", "responses.csv", "votes.csv", "participant-votes.csv"].flatMap((format) => [
    `/api/articles/${IDS.article}/export?format=${format}`,
    `/api/articles/${IDS.draftArticle}/export?format=${format}`,
  ]),
  "/api/auth/[...nextauth]": { noContent: "next-auth's endpoints: sign-in, session, CSRF token" },
  "/api/claims/[id]/export": ["argdown", "aif", "annotation"].flatMap((format) =>
    [IDS.openClaim, IDS.hiddenClaim, IDS.draftClaim].map((claimId) => `/api/claims/${claimId}/export?format=${format}`),
  ),
  // Drafts close to each withheld text, without its secret token (else the address would hold it).
  "/api/claims/[id]/similar": WITHHELD_WORDING.map((text) => `/api/claims/${IDS.openClaim}/similar?text=${encodeURIComponent(text)}`),
  "/api/claims/[id]/vote": { noContent: "POST only; writes are checked below" },
  "/api/claims/[id]/responses": { noContent: "POST only (the claim page's posting, decision 022); writes are checked below" },
  // The person's crux: quotes one of the responses they rated, never a withheld one.
  "/api/claims/[id]/crux": [IDS.openClaim, IDS.hiddenClaim, IDS.draftClaim].map((claimId) => `/api/claims/${claimId}/crux`),
  "/api/editor/import": { noContent: "POST only, editors only; answers with the draft it made" },
  "/api/health": ["/api/health"],
  "/api/live": [`/api/live?claim=${IDS.hiddenClaim}`, `/api/live?claim=${IDS.draftClaim}`, `/api/live?article=${IDS.draftArticle}`],
  "/api/metrics": { noContent: "the server's counters (renders, live updates), answered only with SERVER_METRICS=on" },
  "/api/openapi.json": { noContent: "the API's description, the same for everyone" },
  "/api/v1/[...unknown]": ["/api/v1/nothing-here"],
  // The person's own layer: their votes and follows, which may include withheld items they acted on before.
  "/api/viewer": ["/api/viewer", `/api/viewer?article=${IDS.article}`, `/api/viewer?article=${IDS.draftArticle}`],
  "/api/v1/articles": ["/api/v1/articles?limit=50", { path: "/api/v1/articles?limit=50", token: true }],
  "/api/v1/articles/[slug]": [IDS.article, IDS.draftArticle].flatMap((slug) => [`/api/v1/articles/${slug}`, { path: `/api/v1/articles/${slug}`, token: true }]),
  "/api/v1/articles/[slug]/claims": { noContent: "POST only; raising in a draft or hidden claim's words is refused (tests/integration/reader-claims.test.ts)" },
  "/api/v1/claims/[id]": [IDS.openClaim, IDS.hiddenClaim, IDS.draftClaim].flatMap((claimId) => [
    `/api/v1/claims/${claimId}`,
    { path: `/api/v1/claims/${claimId}`, token: true },
  ]),
  "/api/v1/claims/[id]/responses": [
    ...[IDS.openClaim, IDS.hiddenClaim, IDS.draftClaim].map((claimId) => `/api/v1/claims/${claimId}/responses?limit=100`),
    { path: `/api/v1/claims/${IDS.openClaim}/responses?limit=100`, token: true },
    `/api/v1/claims/${IDS.openClaim}/responses?parent=${IDS.hidden}`,
    `/api/v1/claims/${IDS.openClaim}/responses?parent=root`,
  ],
  "/api/v1/claims/[id]/vote": { noContent: "PUT only; writes are checked below" },
  "/api/v1/me": [{ path: "/api/v1/me", token: true }],
  "/api/v1/responses/[id]": Object.values(IDS).flatMap((responseId) => [
    `/api/v1/responses/${responseId}`,
    { path: `/api/v1/responses/${responseId}`, token: true },
  ]),
  "/api/v1/responses/[id]/vote": { noContent: "PUT only; writes are checked below" },
  "/articles/[slug]": [`/articles/${IDS.article}`, `/articles/${IDS.draftArticle}`],
  "/claims/[id]": [IDS.openClaim, IDS.hiddenClaim, IDS.draftClaim].map((claimId) => `/claims/${claimId}`),
  "/claims/[id]/outline": [IDS.openClaim, IDS.hiddenClaim, IDS.draftClaim].map((claimId) => `/claims/${claimId}/outline`),
  "/developers": { noContent: "the API reference, the same for everyone" },
  "/about": { noContent: "how the site works, the same for everyone" },
  "/rules": { noContent: "the site's rules, the same for everyone" },
  "/help/argue-this-page": { noContent: "how to bring a page from elsewhere, the same for everyone" },
  "/manifest.webmanifest": { noContent: "the Web App Manifest, the same for everyone" },
  // A reader's own submissions: of a draft, only its address and state, never its text.
  "/submit": ["/submit", `/submit?url=${encodeURIComponent("https://example.org/nothing")}`],
  "/submissions": ["/submissions"],
  "/submissions/[id]": ["/submissions/no-such-submission"],
  "/editor": ["/editor"],
  "/editor/articles/[id]": [`/editor/articles/${IDS.draftArticle}`],
  "/editor/new": ["/editor/new"],
  "/editor/feeds": ["/editor/feeds"],
  "/moderation": ["/moderation"],
  "/moderation/log": ["/moderation/log"],
  "/notifications": ["/notifications"],
  "/reports": ["/reports"],
  "/responses/[id]": Object.values(IDS).map((responseId) => `/responses/${responseId}`),
  "/responses/[id]/history": Object.values(IDS).map((responseId) => `/responses/${responseId}/history`),
  "/search": [...WITHHELD_WORDING, "opening sentence", "everyone may read"].map((text) => `/search?q=${encodeURIComponent(text)}`),
  "/settings": ["/settings"],
  // The person's own data: their responses, votes, follows and reports, filtered like everything else.
  "/settings/data": ["/settings/data"],
  "/forgot-password": { noContent: "a form" },
  "/reset-password": { noContent: "a form, opened from a mailed link" },
  "/verify-email": { noContent: "a button, opened from a mailed link" },
  "/unsubscribe": { noContent: "a button, opened from a mailed link" },
  "/api/unsubscribe": { noContent: "POST with a signed link, which changes mail preferences only; GET redirects to /unsubscribe" },
  "/signin": { noContent: "a form" },
  "/signup": { noContent: "a form" },
  "/users/[id]": [`/users/${"AUTHOR"}`, `/users/${"OTHER"}`, `/users/${"EDITOR"}`],
};

/** Everything a viewer gets from every probe, concatenated per path. */
async function readEverything(who: string) {
  const client = clients.get(who)!;
  const pages: { path: string; status: number; text: string }[] = [];
  for (const [template, probes] of Object.entries(PROBES)) {
    if (!Array.isArray(probes)) continue;
    for (const probe of probes) {
      const { path, token } = typeof probe === "string" ? { path: probe, token: false } : probe;
      const resolved = path.replace("AUTHOR", author.id).replace("OTHER", other.id).replace("EDITOR", editor.id);
      const headers: Record<string, string> = {};
      if (token && tokens.has(who)) headers.authorization = `Bearer ${tokens.get(who)}`;
      const response = await client.fetch(resolved, { headers, signal: AbortSignal.timeout(15_000) });
      // A stream of live events stays open: its headers are the answer.
      const text = response.headers.get("content-type")?.startsWith("text/event-stream") ? (await response.body?.cancel(), "") : await response.text();
      expect(response.status, `${who} ${resolved} (${template})`).toBeLessThan(500);
      pages.push({ path: resolved, status: response.status, text });
    }
  }
  return pages;
}

/** The secrets on a page, leaving out an id the address itself carries (the asker knows it already). */
function leaks(page: { path: string; text: string }, secrets: string[]) {
  return secrets.filter((secret) => page.text.includes(secret) && !page.path.includes(secret));
}

describe.skipIf(!chromiumPath)("one visibility rule on every read path", () => {
  beforeAll(async () => {
    [author, other, reader, moderator, editor] = await Promise.all([
      createAccount("vis-author"),
      createAccount("vis-other"),
      createAccount("vis-reader"),
      createAccount("vis-moderator", { role: "moderator" }),
      createAccount("vis-editor", { role: "editor" }),
    ]);
    await fixture();
    // Every route is read twice per viewer here, exports included: more than an address's exports a minute.
    await appSql(`insert into "Setting" (key, value, "updatedAt") values ('exportsPerMinute', 100000, now()) on conflict (key) do update set value = 100000`);
    await new Promise((resolve) => setTimeout(resolve, 5_500)); // the settings' cache (lib/platform/settings.ts)
    clients.set("anonymous", new HttpClient(appUrl));
    for (const [who, account] of Object.entries({ reader, author, moderator, editor })) {
      const client = await signedIn(appUrl, account);
      clients.set(who, client);
      const created = await client.action(
        { file: "app/settings/actions.ts", name: "createTokenAction", page: "/settings" },
        { name: "visibility", scope: "read", expiry: "30" },
      );
      tokens.set(who, (created as { data: { token: string } }).data.token);
    }
  }, 120_000);

  afterAll(async () => {
    await appSql(`delete from "Setting" where key = 'exportsPerMinute'`);
  });

  test("every route of the app is probed here, or says why it holds no debate content", () => {
    const missing = readAppRoutes()
      .map((route) => route.template)
      .filter((template) => !(template in PROBES));
    expect(missing, "give these routes probes in PROBES").toEqual([]);
  });

  test("anonymous readers and plain users get none of the withheld text or ids, anywhere", async () => {
    for (const who of ["anonymous", "reader"]) {
      const pages = await readEverything(who);
      const secrets = [...Object.values(SECRET), ...WITHHELD_IDS];
      for (const page of pages) expect(leaks(page, secrets), `${who} ${page.path}`).toEqual([]);
      // Reading a withheld item by its id is the same 404 as an id that never existed.
      for (const page of pages.filter((candidate) => WITHHELD_IDS.some((withheld) => new URL(candidate.path, appUrl).pathname.includes(withheld)))) {
        expect([401, 403, 404, 307], `${who} ${page.path}`).toContain(page.status);
      }
      // What readers do see is there: the shown argument, the reply under the deleted one, and the deleted
      // one only as "[deleted]".
      const claimPage = pages.find((page) => page.path === `/claims/${IDS.openClaim}`)!;
      expect(claimPage.text).toContain(SHOWN_TEXT);
      expect(claimPage.text).toContain(UNDER_DELETED_TEXT);
      expect(claimPage.text).toContain("[deleted]");
      // Where the hidden and the removed responses were, a placeholder each, linking to the log.
      expect(claimPage.text).toContain("A response here is hidden while moderators review it.");
      expect(claimPage.text).toContain("Removed by a moderator.");
      expect(claimPage.text).toContain(`/moderation/log?item=${IDS.removed}`);
      // A placeholder has no history to read.
      expect(pages.find((page) => page.path === `/responses/${IDS.hidden}/history`)?.status).toBe(404);
    }
  }, 300_000);

  test("counts shown to readers count only what readers see", async () => {
    const anonymous = clients.get("anonymous")!;
    const claim = (await (await anonymous.fetch(`/api/v1/claims/${IDS.openClaim}`)).json()) as {
      responses: { supporting: number; opposing: number; total: number };
    };
    // Shown, the hidden and the removed one (placeholders), the deleted one holding a reply, and that reply.
    expect(claim.responses).toEqual({ supporting: 4, opposing: 0, total: 5 });
    const list = (await (await anonymous.fetch(`/api/v1/claims/${IDS.openClaim}/responses?limit=100`)).json()) as {
      items: { id: string; status: string; body: string | null; author: unknown }[];
    };
    expect(list.items.map((item) => item.id)).toEqual([IDS.shown, IDS.hidden, IDS.removed, IDS.deletedWithReply, IDS.underDeleted]);
    expect(list.items[1]).toMatchObject({ status: "hidden", body: null, author: null });
    expect(list.items[2]).toMatchObject({ status: "removed", body: null, author: null });
    expect(list.items[3]).toMatchObject({ status: "deleted", body: null, author: null });
    // The author wrote four: the shown one, the one under review, a reply, and one on the hidden claim.
    const profile = await (await anonymous.fetch(`/users/${author.id}`)).text();
    expect(profile.replace(/<!-- -->/g, "")).toContain(">2 responses ·");
    const article = (await (await anonymous.fetch(`/api/v1/articles/${IDS.article}`)).json()) as { claimCount: number };
    expect(article.claimCount).toBe(1);
    const outline = await (await anonymous.fetch(`/claims/${IDS.openClaim}/outline`)).text();
    expect(outline).not.toContain("Showing the first");
  });

  test("an author sees their own response under review, with its history, and nothing withheld by others", async () => {
    const pages = await readEverything("author");
    const text = (path: string) => pages.find((page) => page.path === path)?.text ?? "";
    expect(text(`/claims/${IDS.openClaim}`)).toContain(SECRET.hiddenText);
    expect(text(`/responses/${IDS.hidden}/history`)).toContain(SECRET.hiddenRevision);
    expect(text(`/users/${author.id}`)).toContain(SECRET.hiddenText);
    // Below their hidden response, someone else's reply is withheld from them too; so is the removed one.
    const others = [SECRET.underHiddenText, SECRET.removedText, SECRET.hiddenClaimText, SECRET.onHiddenClaimText, SECRET.draftTitle, SECRET.draftResponseText];
    for (const page of pages) expect(leaks(page, [...others, IDS.underHidden, IDS.hiddenClaim, IDS.draftArticle]), `author ${page.path}`).toEqual([]);
  }, 300_000);

  test("moderators see withheld items where they moderate; editors see drafts and nothing withheld", async () => {
    const asModerator = await readEverything("moderator");
    const moderatorText = (path: string) => asModerator.find((page) => page.path === path)?.text ?? "";
    expect(moderatorText("/moderation")).toContain(SECRET.hiddenText);
    expect(moderatorText(`/claims/${IDS.hiddenClaim}`)).toContain(SECRET.hiddenClaimText);
    expect(moderatorText(`/claims/${IDS.openClaim}`)).toContain(SECRET.underHiddenText);
    expect(moderatorText("/moderation/log")).toContain(`/claims/${IDS.hiddenClaim}`);
    const asEditor = await readEverything("editor");
    const editorText = (path: string) => asEditor.find((page) => page.path === path)?.text ?? "";
    expect(editorText(`/articles/${IDS.draftArticle}`)).toContain(SECRET.draftTitle);
    expect(editorText(`/users/${editor.id}`)).toContain(SECRET.draftResponseText);
    for (const page of asEditor) {
      expect(
        leaks(page, [SECRET.hiddenText, SECRET.underHiddenText, SECRET.removedText, SECRET.hiddenClaimText, IDS.underHidden, IDS.hiddenClaim]),
        `editor ${page.path}`,
      ).toEqual([]);
    }
  }, 300_000);

  test("writes cannot tell withheld items from missing ones: votes, replies, follows and reports get the same 404; a placeholder says why it takes none", async () => {
    const client = clients.get("reader")!;
    const action = (name: string, argument: unknown) => client.action({ file: "app/claims/[id]/actions.ts", name, page: "/" }, argument);
    const report = (target: string) => ({
      claimId: IDS.openClaim,
      target: { type: "response", id: target },
      ruleId: "rule-spam",
      note: null,
      duplicateOfId: null,
    });
    for (const target of [IDS.underHidden, IDS.deletedLeaf, IDS.draftResponse, "no-such-response"]) {
      const claimId = IDS.openClaim;
      expect(await action("voteOnResponseAction", { claimId, responseId: target, value: "strong" }), `vote ${target}`).toMatchObject({
        ok: false,
        status: 404,
      });
      expect(
        (await client.postResponse(claimId, { parentId: target, stance: "support", body: "A reply to something I cannot see." })).result,
        `reply ${target}`,
      ).toMatchObject({
        ok: false,
        status: 404,
      });
      expect(await action("followResponseAction", { claimId, responseId: target, follow: true }), `follow ${target}`).toMatchObject({ ok: false, status: 404 });
      expect(await action("reportAction", report(target)), `report ${target}`).toMatchObject({ ok: false, status: 404 });
    }
    // Readers meet these as placeholders: answering or voting is refused with the reason.
    for (const [target, reason] of [
      [IDS.hidden, "That response is hidden while moderators review it."],
      [IDS.removed, "A moderator removed that response."],
    ]) {
      const claimId = IDS.openClaim;
      expect(await action("voteOnResponseAction", { claimId, responseId: target, value: "strong" }), `vote ${target}`).toMatchObject({
        ok: false,
        status: 409,
        error: reason,
      });
      expect(
        (await client.postResponse(claimId, { parentId: target, stance: "support", body: "A reply to a placeholder." })).result,
        `reply ${target}`,
      ).toMatchObject({
        ok: false,
        status: 409,
        error: reason,
      });
      expect(await action("followResponseAction", { claimId, responseId: target, follow: true }), `follow ${target}`).toMatchObject({ ok: false });
      expect(await action("reportAction", report(target)), `report ${target}`).toMatchObject({ ok: false });
    }
    for (const claimId of [IDS.hiddenClaim, IDS.draftClaim, "no-such-claim"]) {
      const { result } = await client.voteOnClaim(claimId, "agree");
      expect(result, `claim vote ${claimId}`).toMatchObject({ ok: false, status: 404 });
      expect(
        (await client.postResponse(claimId, { parentId: null, stance: "support", body: "A response to a claim I cannot see." })).result,
        `post ${claimId}`,
      ).toMatchObject({
        ok: false,
        status: 404,
      });
    }
    // None but the two the fixture made (before the items were withheld).
    const [{ count }] = await appSql<{ count: string }>(
      `select count(*) from "Follow" f join "User" u on u.id = f."userId" where u.email = $1 and f.id <> all($2::text[])`,
      [reader.email, [id("follow-hidden"), id("follow-under-hidden")]],
    );
    expect(count).toBe("0");
  });
});
