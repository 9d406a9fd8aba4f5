// The feed jobs (decision 025). poll_feeds (every minute) queues fetch_feed for each feed whose turn has
// come. fetch_feed asks with the last answer's validators (ETag, Last-Modified), so an unchanged feed
// costs a 304; records each new entry once (by its id in the feed) and queues import_feed_item for it;
// and on failure doubles the wait, up to a day, keeping the reason in words for the editors' page.
import { findArticleByAddress } from "@/lib/articles/originals";
import { importArticle } from "@/lib/articles/import-article";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { fetchPage, fetchResource, type ResourceKind } from "@/lib/net/fetch-page";
import { parseFeed } from "./parse-feed";

const FEED: ResourceKind = {
  accept: "application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, text/xml;q=0.9",
  types: /^(application\/(rss\+xml|atom\+xml|rdf\+xml|feed\+json|json|xml)|text\/xml)/i,
  what: "a feed",
  noun: "feed",
};

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/** Queues a fetch for every feed whose turn has come (one pending job per feed). */
export async function pollFeeds(now = new Date()) {
  const due = await getDb().feed.findMany({ where: { nextFetchAt: { lte: now } }, select: { id: true }, take: 500 });
  for (const feed of due) await enqueueJob(getDb(), "fetch_feed", { feedId: feed.id }, { jobKey: `feed:${feed.id}` });
  return due.length;
}

/** When to try again after `failures` failures in a row: the interval, doubled each time, at most a day. */
export function retryAfterMinutes(intervalMinutes: number, failures: number) {
  return Math.min(intervalMinutes * 2 ** Math.min(failures, 10), DAY_MINUTES);
}

export async function fetchFeed(feedId: string, now = new Date()) {
  const db = getDb();
  const feed = await db.feed.findUnique({ where: { id: feedId } });
  if (!feed) return;
  try {
    const answer = await fetchResource(feed.url, FEED, { since: { etag: feed.etag, lastModified: feed.lastModified } });
    const next = new Date(now.getTime() + feed.intervalMinutes * MINUTE);
    const healthy = { lastFetchedAt: now, nextFetchAt: next, failures: 0, lastError: null, etag: answer.etag, lastModified: answer.lastModified };
    if (answer.status === 304) {
      await db.feed.update({ where: { id: feed.id }, data: healthy });
      return { changed: false, queued: 0 };
    }
    const { title, entries } = parseFeed(answer.text, answer.url);
    return await db.$transaction(async (tx) => {
      // Each entry once: the unique (feed, guid) pair makes a second sighting a no-op.
      const known = new Set(
        (await tx.feedItem.findMany({ where: { feedId: feed.id, guid: { in: entries.map((entry) => entry.guid) } }, select: { guid: true } })).map(
          (item) => item.guid,
        ),
      );
      const fresh = entries.filter((entry) => !known.has(entry.guid));
      for (const entry of fresh) {
        const item = await tx.feedItem.create({ data: { feedId: feed.id, guid: entry.guid, url: entry.url, title: entry.title }, select: { id: true } });
        await enqueueJob(tx, "import_feed_item", { itemId: item.id }, { jobKey: `feed-item:${item.id}`, maxAttempts: 3 });
      }
      await tx.feed.update({ where: { id: feed.id }, data: { ...healthy, title: title ?? feed.title } });
      return { changed: true, queued: fresh.length };
    });
  } catch (error) {
    const failures = feed.failures + 1;
    const reason = error instanceof AppError ? error.message : "The feed could not be read.";
    await db.feed.update({
      where: { id: feed.id },
      data: {
        lastFetchedAt: now,
        failures,
        lastError: reason,
        nextFetchAt: new Date(now.getTime() + retryAfterMinutes(feed.intervalMinutes, failures) * MINUTE),
      },
    });
    if (!(error instanceof AppError)) throw error;
    return { changed: false, queued: 0 };
  }
}

/** Imports one entry as a draft with its claims (an article already here is recorded as a duplicate). */
export async function importFeedItem(itemId: string) {
  const db = getDb();
  const item = await db.feedItem.findUnique({ where: { id: itemId }, include: { feed: { select: { addedById: true } } } });
  if (!item || item.state !== "queued") return;
  try {
    const known = await findArticleByAddress(item.url);
    if (known) {
      await db.feedItem.update({ where: { id: item.id }, data: { state: "duplicate", articleId: known.id } });
      return;
    }
    const page = await fetchPage(item.url);
    const { article, created } = await importArticle({ raw: page.text, sourceUrl: page.url, importedById: item.feed.addedById, status: "draft" });
    await db.$transaction([
      db.feedItem.update({ where: { id: item.id }, data: { state: created ? "imported" : "duplicate", articleId: article.id } }),
      ...(created ? [db.feed.update({ where: { id: item.feedId }, data: { itemsImported: { increment: 1 } } })] : []),
    ]);
  } catch (error) {
    if (!(error instanceof AppError)) throw error; // the queue tries again (3 times in all)
    await db.feedItem.update({ where: { id: item.id }, data: { state: "failed", reason: error.message } });
  }
}
