// What editors do with feeds: add one (fetched at once, in the background), fetch one now, remove one.
// Who may is checked here, from lib/policy, for every caller.
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { canonicalUrl } from "@/lib/net/canonical-url";
import { can, type Actor } from "@/lib/policy";
import type { z } from "zod";
import type { addFeedSchema } from "./schemas";

function mustEdit(actor: Actor) {
  if (!can(actor, "article.import")) throw new AppError("forbidden", "Only editors can follow feeds.");
}

export async function addFeed(editor: Actor, input: z.infer<typeof addFeedSchema>) {
  mustEdit(editor);
  const url = canonicalUrl(input.url);
  if (!url) throw new AppError("invalid_request", "Give the feed's address, starting with https:// or http://.");
  return getDb().$transaction(async (tx) => {
    if (await tx.feed.findUnique({ where: { url }, select: { id: true } })) throw new AppError("conflict", "This feed is followed already.");
    const feed = await tx.feed.create({ data: { url, addedById: editor.id, intervalMinutes: input.intervalMinutes }, select: { id: true } });
    await enqueueJob(tx, "fetch_feed", { feedId: feed.id }, { jobKey: `feed:${feed.id}` });
    return feed;
  });
}

/** Fetches the feed now rather than at its next turn (after a fix at the source, say). */
export async function fetchFeedNow(editor: Actor, feedId: string) {
  mustEdit(editor);
  await getDb().$transaction(async (tx) => {
    const updated = await tx.feed.updateMany({ where: { id: feedId }, data: { nextFetchAt: new Date() } });
    if (!updated.count) throw new AppError("not_found", "That feed is not followed any more.");
    await enqueueJob(tx, "fetch_feed", { feedId }, { jobKey: `feed:${feedId}` });
  });
}

/** Stops following a feed; the articles it brought stay. */
export async function removeFeed(editor: Actor, feedId: string) {
  mustEdit(editor);
  const removed = await getDb().feed.deleteMany({ where: { id: feedId } });
  if (!removed.count) throw new AppError("not_found", "That feed is not followed any more.");
}
