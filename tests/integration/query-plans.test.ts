// Hot paths must stay on indexes as the data grows: every SQL statement that reading and writing a
// debate sends (captured from the real data functions, not written out by hand) is EXPLAINed with
// sequential scans priced out of reach. A plan that still scans a large table has no index to use:
// at a million responses that page or vote would crawl.
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { authenticateAccessToken, createAccessToken } from "@/lib/accounts/access-tokens";
import { getPublishedArticle, getResponseItem, getVisibleClaim, listClaimResponses, listPublishedArticles } from "@/lib/api/resources";
import { getArticleBySlug, listArticleSummaries } from "@/lib/articles/queries";
import { listLiveDebates } from "@/lib/debate/live-debates";
import { createUser } from "@/lib/accounts/create-user";
import { countUnreadNotifications } from "@/lib/debate/notifications";
import { createResponse } from "@/lib/debate/post-response";
import { setFollow } from "@/lib/debate/follow";
import { storeClaimVote } from "@/lib/debate/vote-on-claim";
import { appSql } from "@/lib/db/client";
import { storeResponseVote } from "@/lib/debate/vote-on-response";
import { getClaimDiscussion, getClaimText, getThread } from "@/lib/debate/discussion";
import { hitRateLimit } from "@/lib/platform/rate-limit";
import { findSimilarResponses, searchDebates } from "@/lib/debate/search";
import { getSettings } from "@/lib/platform/settings";
import { getUserOfSession, startUserSession } from "@/lib/accounts/user-sessions";
import { SORTS } from "@/lib/argument/ranking";
import { seedDemoArticles } from "@/scripts/lib/seed-demo";

/** Tables that grow with use. (Settings and word filters stay a handful of rows: scanning them is right.) */
const LARGE_TABLES = new Set([
  "User",
  "UserSession",
  "Article",
  "Claim",
  "Response",
  "ResponseVote",
  "ClaimVote",
  "Follow",
  "Notification",
  "RateLimitCounter",
  "Report",
  "ResponseRevision",
  "ModerationAction",
  "PersonalAccessToken",
]);

interface Captured {
  text: string;
  values: unknown[];
}
const captured: Captured[] = [];
const originalQuery = pg.Client.prototype.query;

beforeAll(async () => {
  await seedDemoArticles();
});

afterAll(() => {
  pg.Client.prototype.query = originalQuery;
});

/** Records every statement the app's pool sends while `work` runs. */
async function capture(work: () => Promise<unknown>) {
  pg.Client.prototype.query = function recordingQuery(this: pg.Client, ...args: unknown[]) {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    const text = typeof first === "string" ? first : first.text;
    const values = (typeof first === "string" ? second : first.values) ?? [];
    if (/^\s*(select|insert|update|delete|with)\b/i.test(text) && !/pg_notify|arguably_recompute/i.test(text)) captured.push({ text, values });
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = originalQuery;
  }
}

function sequentialScans(plan: Record<string, unknown>, found: string[] = []): string[] {
  if (plan["Node Type"] === "Seq Scan" && LARGE_TABLES.has(String(plan["Relation Name"]))) found.push(String(plan["Relation Name"]));
  for (const child of (plan.Plans as Record<string, unknown>[] | undefined) ?? []) sequentialScans(child, found);
  return found;
}

test("every statement of the hot paths uses an index on the large tables", async () => {
  const article = (await listArticleSummaries())[0];
  const claims = (await getArticleBySlug(article.slug, null))!.claims;
  const claimId = claims[0].id;
  const ann = await createUser({ email: "ann@example.com", name: "Ann" });
  const ben = { ...(await createUser({ email: "ben@example.com", name: "Ben" })), bannedUntil: null };
  const root = await createResponse({ claimId, parentId: null, stance: "support", body: "A root argument for the plans.", authorId: ann.id });
  const reply = await createResponse({ claimId, parentId: root.id, stance: "oppose", body: "A reply to the root argument.", authorId: ben.id });
  const sessionId = await startUserSession(ben.id, 3600);
  const { token } = await createAccessToken({ userId: ben.id, name: "plans", scope: "write", expiresInDays: 30 });

  await capture(async () => {
    // What a page view reads: the session and its user, the bell, the article, the debate.
    await getUserOfSession(sessionId, ben.id);
    await countUnreadNotifications(ben);
    // The home page: the live debates and the articles with their activity.
    await listArticleSummaries();
    await listLiveDebates();
    await getArticleBySlug(article.slug, ben);
    await getClaimText(claimId, ben);
    for (const sort of SORTS) await getClaimDiscussion(claimId, { viewer: ben, sort });
    await getThread(reply.id, { viewer: ben });
    // Search and the similar-argument suggestions.
    await searchDebates({ query: "NATO membership" });
    await searchDebates({ query: "root argument", type: "responses", articleSlug: article.slug });
    await findSimilarResponses(claimId, "A root argument for the plans, and then some.");
    // The public API's reads, first pages and later ones (keyset cursors), and its token check.
    await authenticateAccessToken(token);
    const articles = await listPublishedArticles({ limit: 1 });
    await listPublishedArticles({ limit: 1, cursor: articles.nextCursor ?? undefined });
    await getPublishedArticle(article.slug);
    await getVisibleClaim(claimId, null);
    const responses = await listClaimResponses(claimId, { limit: 1 }, null);
    await listClaimResponses(claimId, { limit: 1, cursor: responses!.nextCursor ?? undefined, parent: "root", stance: "support" }, ben);
    await listClaimResponses(claimId, { limit: 10, parent: root.id }, null);
    await getResponseItem(reply.id, ben);
    // What writing costs: limits, settings, votes, a response, a follow.
    await getSettings();
    await hitRateLimit(`vote:user:${ben.id}`, { limit: 60, windowMs: 60_000 });
    await storeClaimVote(ben.id, { claimId, value: "agree" }, appSql);
    await storeResponseVote(ben, { responseId: root.id, value: "strong" });
    await createResponse({ claimId, parentId: reply.id, stance: "support", body: "A reply captured for its plan.", authorId: ben.id });
    await setFollow({ userId: ben.id, claimId, follow: true });
  });
  expect(captured.length).toBeGreaterThan(30);

  const explainer = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await explainer.connect();
  const offenders: string[] = [];
  try {
    await explainer.query("set enable_seqscan = off");
    for (const { text, values } of captured) {
      const { rows } = await explainer.query(`explain (format json) ${text}`, values);
      const scans = sequentialScans((rows[0]["QUERY PLAN"] as { Plan: Record<string, unknown> }[])[0].Plan);
      if (scans.length) offenders.push(`${scans.join(", ")}: ${text.replace(/\s+/g, " ").slice(0, 240)}`);
    }
  } finally {
    await explainer.end();
  }
  expect(offenders).toEqual([]);
});

test("the check catches a scan: a query on an unindexed column is reported", async () => {
  const explainer = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await explainer.connect();
  try {
    await explainer.query("set enable_seqscan = off");
    const { rows } = await explainer.query(`explain (format json) select id from "Response" where "removalReason" = $1`, ["anything"]);
    expect(sequentialScans((rows[0]["QUERY PLAN"] as { Plan: Record<string, unknown> }[])[0].Plan)).toEqual(["Response"]);
  } finally {
    await explainer.end();
  }
});
