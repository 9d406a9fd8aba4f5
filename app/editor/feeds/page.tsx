// Feeds editors follow (issue 32): each new item arrives as a draft on the desk, with its claims.
import type { Metadata } from "next";
import { forbidden, redirect } from "next/navigation";
import { Link } from "@/components/ui/link";
import { getCurrentUser } from "@/lib/auth/session";
import { listFeeds } from "@/lib/feeds/queries";
import { count } from "@/lib/format";
import { formatAge } from "@/lib/format-age";
import { canEditArticles } from "@/lib/policy";
import { AddFeedForm, FeedButtons } from "./feed-controls";

export const metadata: Metadata = { title: "Feeds" };

const TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function FeedsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/editor/feeds");
  if (!canEditArticles(user)) forbidden();
  const feeds = await listFeeds();
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/editor" className="text-accent underline underline-offset-2">
          ← Editor&apos;s desk
        </Link>
      </nav>
      <h1 className="font-serif text-3xl font-semibold">Feeds</h1>
      <p className="text-muted">
        Each new item of a feed you follow is fetched once and arrives on the desk as a draft with its claims, for review like any import. An article already
        here (by its address or its text) is not imported again. A feed that fails is tried again later and later, up to once a day.
      </p>
      <AddFeedForm />
      {feeds.length === 0 ? <p className="text-muted">No feeds yet.</p> : null}
      <ul className="space-y-3">
        {feeds.map((feed) => (
          <li key={feed.id} className="space-y-1 rounded-lg border border-line bg-white p-4 text-sm" data-testid="feed">
            <p className="font-medium">{feed.title ?? feed.url}</p>
            <p className="break-all text-xs text-muted">{feed.url}</p>
            <p data-testid="feed-status">
              {feed.lastFetchedAt ? `Last fetched ${formatAge(feed.lastFetchedAt)}` : "Not fetched yet"} · next {TIME.format(feed.nextFetchAt)} UTC ·{" "}
              {count(feed.itemsImported, "item")} imported
              {feed._count.items ? ` · ${count(feed._count.items, "item")} being imported` : ""}
            </p>
            {feed.lastError ? (
              <p className="text-rose-800" data-testid="feed-error">
                Last fetch failed{feed.failures > 1 ? ` (${feed.failures} times in a row)` : ""}: {feed.lastError}
              </p>
            ) : null}
            <FeedButtons feedId={feed.id} name={feed.title ?? feed.url} />
          </li>
        ))}
      </ul>
    </div>
  );
}
