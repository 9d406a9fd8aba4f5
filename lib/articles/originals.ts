// One article per original (issue 32): before a page becomes a new article, is it one already here?
// By the address of the original (lib/net/canonical-url.ts) and by the extracted body, so the same
// op-ed shared with tracking parameters, fetched from its mobile site, or pasted, opens the article
// people are already arguing about instead of splitting them across copies.
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canonicalUrl, declaredCanonical } from "@/lib/net/canonical-url";

/**
 * sha256 of an article's body with its case lowered and its runs of spacing made one space (the same
 * rule migration 20261207010414 applied to the articles already stored).
 */
export function bodyHash(body: string): string {
  return createHash("sha256")
    .update(
      body
        .toLowerCase()
        .replace(/[ \t\n\r\f\v]+/g, " ")
        .trim(),
    )
    .digest("hex");
}

/** The original's address: what the page declares (HTML), else where it came from; null for neither. */
export function originalAddress(raw: string, sourceUrl: string | null): string | null {
  if (!sourceUrl) return null;
  return (/<html|<head|<link|<meta/i.test(raw.slice(0, 5000)) ? declaredCanonical(raw, sourceUrl) : null) ?? canonicalUrl(sourceUrl);
}

/** The article already here for this original, by its address or its body (the oldest, if several). */
export function sameOriginalWhere({ canonical, body }: { canonical: string | null; body: string | null }): Prisma.ArticleWhereInput | null {
  const or: Prisma.ArticleWhereInput[] = [];
  if (canonical) or.push({ canonicalUrl: canonical });
  if (body) or.push({ bodyHash: body });
  return or.length ? { OR: or } : null;
}

/** The article already here under this address (its tracking parameters aside), without fetching it. */
export async function findArticleByAddress(address: string) {
  const canonical = canonicalUrl(address);
  if (!canonical) return null;
  return getDb().article.findFirst({
    where: { OR: [{ canonicalUrl: canonical }, { sourceUrl: canonical }] },
    orderBy: { importedAt: "asc" },
    select: { id: true, slug: true, title: true, status: true },
  });
}
