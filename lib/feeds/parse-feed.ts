// Reading RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed with @extractus/feed-extractor (decision 025):
// one normalised list of entries, whatever the format. Pure.
import { extractFromJson, extractFromXml } from "@extractus/feed-extractor";
import { AppError } from "@/lib/errors";
import { canonicalUrl } from "@/lib/net/canonical-url";

export interface FeedEntry {
  /** The entry's own id (RSS guid, Atom id, JSON Feed id), or its link when it has none. */
  guid: string;
  url: string;
  title: string | null;
  published: Date | null;
}

/** At most this many of a feed's entries are looked at per fetch: the newest, as the feed lists them. */
export const MAX_ENTRIES = 50;

export function parseFeed(text: string, baseUrl: string): { title: string | null; entries: FeedEntry[] } {
  let parsed: ReturnType<typeof extractFromXml> | null = null;
  try {
    const trimmed = text.trimStart();
    parsed = trimmed.startsWith("{") ? extractFromJson(JSON.parse(trimmed), { baseUrl }) : extractFromXml(trimmed, { baseUrl });
  } catch {
    parsed = null;
  }
  if (!parsed) throw new AppError("invalid_request", "This is not an RSS, Atom or JSON feed.");
  const entries: FeedEntry[] = [];
  for (const entry of parsed.entries ?? []) {
    const url = entry.link ? canonicalUrl(entry.link, baseUrl) : null;
    if (!url) continue;
    const published = entry.published ? new Date(entry.published) : null;
    entries.push({
      guid: (entry.id || url).slice(0, 1000),
      url,
      title: entry.title?.trim().slice(0, 500) || null,
      published: published && !Number.isNaN(published.getTime()) ? published : null,
    });
    if (entries.length === MAX_ENTRIES) break;
  }
  return { title: parsed.title?.trim().slice(0, 300) || null, entries };
}
