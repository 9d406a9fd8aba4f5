// A claim's or an article's debates for export (lib/exchange formats), as readers see them, whoever
// downloads them (lib/policy/visibility.ts with no viewer): a file travels further than its downloader.
// A deleted response stays as "[deleted]" where readers still see replies to it.
import { describeOrigin } from "@/lib/argument/claim-origin";
import { getReadDb } from "@/lib/db/client";
import { anchoredClaimSelect } from "@/lib/articles/claim-columns";
import { visibleArticleWhere, visibleClaimWhere, visibleResponseWhere } from "@/lib/debate/visibility";
import type { DebateTree } from "@/lib/exchange/debate-tree";
import type { AnchoredClaim } from "@/lib/exchange/web-annotation";

/** A deleted response keeps its place with this text, as on the claim page. */
const readersText = <T extends { body: string; deletedAt: Date | null }>(row: T) => (row.deletedAt ? { ...row, body: "[deleted]" } : row);

export async function getDebateForExport(claimId: string): Promise<{ tree: DebateTree; anchor: AnchoredClaim } | null> {
  const db = getReadDb();
  const claim = await db.claim.findFirst({
    where: { id: claimId, ...visibleClaimWhere(null) },
    select: { ...anchoredClaimSelect, article: { select: { slug: true } } },
  });
  if (!claim) return null;
  const rows = await db.response.findMany({
    where: { claimId, ...visibleResponseWhere(null) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, parentId: true, stance: true, body: true, deletedAt: true },
  });
  return {
    tree: {
      claim: { id: claim.id, text: claim.text, markedBy: describeOrigin(claim.origin, claim.raisedBy) },
      responses: rows.map(readersText).map((row) => ({ id: row.id, parentId: row.parentId, stance: row.stance, text: row.body })),
    },
    anchor: { ...claim, articleSlug: claim.article.slug },
  };
}

/** Everything an article's exports hold: its visible claims with their anchors and numbers, the
 * responses readers see, and the votes on both. */
export async function getArticleForExport(slug: string) {
  const db = getReadDb();
  const article = await db.article.findFirst({ where: { slug, ...visibleArticleWhere(null) }, select: { id: true, slug: true, title: true } });
  if (!article) return null;
  const claims = await db.claim.findMany({
    where: { articleId: article.id, ...visibleClaimWhere(null) },
    orderBy: { start: "asc" },
    select: { ...anchoredClaimSelect, agreeVotes: true, disagreeVotes: true, supportCount: true, opposeCount: true, standing: true },
  });
  const claimIds = claims.map((claim) => claim.id);
  const rows = await db.response.findMany({
    where: { claimId: { in: claimIds }, ...visibleResponseWhere(null) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      claimId: true,
      parentId: true,
      stance: true,
      body: true,
      createdAt: true,
      deletedAt: true,
      strongVotes: true,
      weakVotes: true,
      strength: true,
    },
  });
  const responses = rows.map(readersText);
  const [claimVotes, responseVotes] = await Promise.all([
    db.claimVote.findMany({
      where: { claimId: { in: claimIds } },
      orderBy: { createdAt: "asc" },
      select: { claimId: true, userId: true, value: true, createdAt: true },
    }),
    db.responseVote.findMany({
      where: { responseId: { in: responses.map((response) => response.id) } },
      orderBy: { createdAt: "asc" },
      select: { responseId: true, userId: true, value: true, createdAt: true },
    }),
  ]);
  return { article, claims, responses, claimVotes, responseVotes };
}

/** Every claim's debate of an article export, in the claims' order in the text (Argdown and AIF files). */
export function articleDebateTrees({
  claims,
  responses,
}: Pick<NonNullable<Awaited<ReturnType<typeof getArticleForExport>>>, "claims" | "responses">): DebateTree[] {
  const byClaim = new Map<string, DebateTree["responses"]>(claims.map((claim) => [claim.id, []]));
  for (const response of responses)
    byClaim.get(response.claimId)?.push({ id: response.id, parentId: response.parentId, stance: response.stance, text: response.body });
  return claims.map((claim) => ({
    claim: { id: claim.id, text: claim.text, markedBy: describeOrigin(claim.origin, claim.raisedBy) },
    responses: byClaim.get(claim.id)!,
  }));
}
