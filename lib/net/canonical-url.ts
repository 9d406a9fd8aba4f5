// One address per original (issue 32): the address an article is known by, whoever shared it and from
// where. Tracking parameters, fragments, default ports and the host's case are not part of an article's
// identity; the page's own rel=canonical or og:url, when it names one, is. Pure.

/** Query parameters that only say who shared a link or which campaign it came from. */
const TRACKING = [/^utm_/i, /^(fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_ga|_gl|ref_src|ref_url|cmpid|ocid|smid|sr_share)$/i];

/** The address without what does not identify the page; null when it is not an http(s) URL. */
export function canonicalUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password) return null;
  url.hash = "";
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, "");
  for (const name of [...url.searchParams.keys()]) if (TRACKING.some((pattern) => pattern.test(name))) url.searchParams.delete(name);
  url.searchParams.sort();
  // URL drops a default port by itself; an empty query leaves a bare "?" behind.
  return url.href.replace(/\?$/, "");
}

/**
 * The address a page says it is (rel=canonical first, then og:url), resolved against where it was
 * fetched; null when it names none, or something that is not an http(s) URL. `html` is read with a
 * regular expression over the head only, so it costs nothing next to the article's extraction.
 */
export function declaredCanonical(html: string, pageUrl: string): string | null {
  const head = html.slice(0, 200_000);
  const tags = head.match(/<(link|meta)\b[^>]*>/gi) ?? [];
  const attribute = (tag: string, name: string) =>
    new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i")
      .exec(tag)
      ?.slice(2)
      .find((value) => value !== undefined) ?? null;
  const link = tags.find((tag) => /^<link/i.test(tag) && (attribute(tag, "rel") ?? "").toLowerCase().split(/\s+/).includes("canonical"));
  const og = tags.find((tag) => /^<meta/i.test(tag) && (attribute(tag, "property") ?? attribute(tag, "name"))?.toLowerCase() === "og:url");
  for (const candidate of [link && attribute(link, "href"), og && attribute(og, "content")]) {
    const resolved = candidate ? canonicalUrl(decodeEntities(candidate), pageUrl) : null;
    if (resolved) return resolved;
  }
  return null;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&#38;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}
