// The editors' feeds page: each feed with its last and next fetch, items imported and the last error.
import { getDb } from "@/lib/db/client";

export async function listFeeds() {
  return getDb().feed.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      url: true,
      title: true,
      intervalMinutes: true,
      lastFetchedAt: true,
      nextFetchAt: true,
      failures: true,
      lastError: true,
      itemsImported: true,
      addedBy: { select: { name: true } },
      _count: { select: { items: { where: { state: "queued" } } } },
    },
  });
}
