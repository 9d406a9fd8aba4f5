// A claim's or an article's debates for export (lib/exchange formats), as readers see them, whoever
// downloads them (lib/policy/visibility.ts with no viewer): a file travels further than its downloader.
// A deleted response stays as "[deleted]" where readers still see replies to it; one hidden or removed
// by a moderator as its tombstone, without what was posted under it (./export-rows.ts readersText).
import { describeOrigin } from "@/lib/argument/claim-origin";
import { getReadDb } from "@/lib/db/client";
import { anchoredClaimSelect } from "@/lib/articles/claim-columns";
import { visibleArticleWhere, visibleClaimWhere, visibleResponseWhere } from "@/lib/debate/visibility";
import type { DebateTree, ExchangedSource } from "@/lib/exchange/debate-tree";
import type { Stance } from "@/lib/vocabulary";
import { readersText, responsePages } from "./export-rows";
import { sourcesSelect } from "@/lib/debate/response-sources";
import type { AnchoredClaim, OriginalDocument } from "@/lib/exchange/web-annotation";

export async function getDebateForExport(claimId: string): Promise<{ tree: DebateTree; anchor: AnchoredClaim; original: OriginalDocument } | null> {
  const db = getReadDb();
  const claim = await db.claim.findFirst({
    where: { id: claimId, ...visibleClaimWhere(null) },
    select: { ...anchoredClaimSelect, article: { select: { slug: true, sourceUrl: true, originalText: true, body: true } } },
  });
  if (!claim) return null;
  const rows = await db.response.findMany({
    where: { claimId, ...visibleResponseWhere(null, { placeholders: true }) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, parentId: true, stance: true, body: true, deletedAt: true, hiddenAt: true, removedAt: true, sources: sourcesSelect },
  });
  return {
    tree: {
      claim: { id: claim.id, text: claim.text, markedBy: describeOrigin(claim.origin, claim.raisedBy) },
      responses: rows.map(readersText).map((row) => ({ id: row.id, parentId: row.parentId, stance: row.stance, text: row.body, sources: row.sources })),
    },
    anchor: { ...claim, articleSlug: claim.article.slug },
    original: { url: claim.article.sourceUrl, text: claim.article.originalText, copyLength: claim.article.body.length },
  };
}

/** The article and its visible claims with their anchors and numbers; responses and votes are read a
 * page at a time (./export-rows.ts). */
export async function getArticleForExport(slug: string) {
  const db = getReadDb();
  const article = await db.article.findFirst({
    where: { slug, ...visibleArticleWhere(null) },
    select: { id: true, slug: true, title: true, sourceUrl: true, originalText: true, body: true },
  });
  if (!article) return null;
  const claims = await db.claim.findMany({
    where: { articleId: article.id, ...visibleClaimWhere(null) },
    orderBy: { start: "asc" },
    select: { ...anchoredClaimSelect, agreeVotes: true, disagreeVotes: true, supportCount: true, opposeCount: true, standing: true },
  });
  return { article, claims };
}

/** Every claim's debate of an article export, in the claims' order in the text (Argdown and AIF files). */
export function articleDebateTrees({
  claims,
  responses,
}: {
  claims: NonNullable<Awaited<ReturnType<typeof getArticleForExport>>>["claims"];
  responses: { id: string; claimId: string; parentId: string | null; stance: Stance; body: string; sources: ExchangedSource[] }[];
}): DebateTree[] {
  const byClaim = new Map<string, DebateTree["responses"]>(claims.map((claim) => [claim.id, []]));
  for (const response of responses)
    byClaim
      .get(response.claimId)
      ?.push({ id: response.id, parentId: response.parentId, stance: response.stance, text: response.body, sources: response.sources });
  return claims.map((claim) => ({
    claim: { id: claim.id, text: claim.text, markedBy: describeOrigin(claim.origin, claim.raisedBy) },
    responses: byClaim.get(claim.id)!,
  }));
}

/** Every claim's debate of an exported article (`data` from getArticleForExport), whole: Argdown and AIF need trees. */
export async function readArticleDebateTrees(data: NonNullable<Awaited<ReturnType<typeof getArticleForExport>>>): Promise<DebateTree[]> {
  const responses = [];
  for await (const page of responsePages(data.claims.map((claim) => claim.id))) responses.push(...page);
  return articleDebateTrees({ claims: data.claims, responses });
}
