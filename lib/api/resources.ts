// What the public API reads (app/api/v1, decision 014): published articles, their visible claims and
// the responses on them, shaped as the API's schemas (lib/api/schemas.ts). A caller sees what they would
// see on the site (lib/policy/visibility.ts, decision 015), as the token's owner or as anyone: drafts,
// hidden claims do not exist for them; a response hidden or removed by itself is a tombstone with its
// status (`hidden`, `removed`) and no text, author or figures, what was posted under it is not listed;
// a deleted response keeps its place (without text or author) only while replies they see hang from
// it; their own responses under review are theirs to see, with their text.
// Pages are keyset-paginated (an opaque cursor holds the last row's sort key), so a page costs the same
// however deep into a long list it is, and rows added meanwhile neither repeat nor go missing.
import type { Stance } from "@/lib/vocabulary";
import type { z } from "zod";
import type * as S from "@/lib/api/schemas";
import { getDb } from "@/lib/db/client";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { responseAppearance, type Viewer } from "@/lib/policy/visibility";
import { anchoredClaimSelect } from "@/lib/articles/claim-columns";
import { standingWith, toBridgingView, type BridgingView } from "@/lib/debate/discussion";
import { sourcesSelect } from "@/lib/debate/response-sources";
import {
  claimVisibleTo,
  responseStateSelect,
  visibleArticleWhere,
  visibleClaimInArticleWhere,
  visibleClaimWhere,
  visibleResponseWhere,
} from "@/lib/debate/visibility";

type ArticleSummary = z.infer<typeof S.ArticleSummary>;
type ClaimSummary = z.infer<typeof S.ClaimSummary>;
type ResponseItem = z.infer<typeof S.ResponseItem>;

const link = (path: string) => new URL(path, appUrl()).toString();

// ---------- cursors ----------

function encodeCursor(at: Date, id: string) {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");
}

function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (cursor === undefined) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const date = new Date(String(at));
    if (typeof id !== "string" || Number.isNaN(date.getTime())) throw new Error("bad cursor");
    return { at: date, id };
  } catch {
    throw new AppError("invalid_request", "That cursor is not valid: pass the nextCursor of the previous page unchanged.");
  }
}

/** Rows after the cursor in (at, id) order, ascending or descending. */
function after(field: "createdAt" | "importedAt", cursor: { at: Date; id: string } | null, direction: "gt" | "lt") {
  if (!cursor) return {};
  return { OR: [{ [field]: { [direction]: cursor.at } }, { [field]: cursor.at, id: { [direction]: cursor.id } }] };
}

function page<T, R>(rows: R[], limit: number, shape: (row: R) => T, keyOf: (row: R) => [Date, string]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(shape), nextCursor: rows.length > limit && last ? encodeCursor(...keyOf(last)) : null };
}

// ---------- articles ----------

const articleSummarySelect = {
  id: true,
  slug: true,
  title: true,
  byline: true,
  sourceUrl: true,
  siteName: true,
  publishedAt: true,
  language: true,
  importedAt: true,
  _count: { select: { claims: { where: visibleClaimInArticleWhere(null) } } },
} satisfies Prisma.ArticleSelect;

type ArticleSummaryRow = Prisma.ArticleGetPayload<{ select: typeof articleSummarySelect }>;

function articleSummary(row: ArticleSummaryRow): ArticleSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    byline: row.byline,
    sourceUrl: row.sourceUrl,
    siteName: row.siteName,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    language: row.language,
    importedAt: row.importedAt.toISOString(),
    claimCount: row._count.claims,
    url: link(`/articles/${encodeURIComponent(row.slug)}`),
  };
}

export async function listPublishedArticles({ limit, cursor }: { limit: number; cursor?: string }) {
  const rows = await getDb().article.findMany({
    where: { ...visibleArticleWhere(null), ...after("importedAt", decodeCursor(cursor), "lt") },
    orderBy: [{ importedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: articleSummarySelect,
  });
  return page(rows, limit, articleSummary, (row) => [row.importedAt, row.id]);
}

// ---------- claims ----------

const claimSummarySelect = {
  ...anchoredClaimSelect,
  agreeVotes: true,
  disagreeVotes: true,
  supportCount: true,
  opposeCount: true,
  responseCount: true,
  standing: true,
  lockedAt: true,
  article: { select: { slug: true, title: true, lockedAt: true } },
} satisfies Prisma.ClaimSelect;

type ClaimSummaryRow = Prisma.ClaimGetPayload<{ select: typeof claimSummarySelect }>;

function claimSummary(row: ClaimSummaryRow): ClaimSummary {
  return {
    id: row.id,
    articleSlug: row.article.slug,
    text: row.text,
    anchor: { exact: row.exact, prefix: row.prefix, suffix: row.suffix, start: row.start, end: row.end },
    origin: row.origin,
    raisedBy: row.raisedBy,
    votes: { agree: row.agreeVotes, disagree: row.disagreeVotes },
    responses: { supporting: row.supportCount, opposing: row.opposeCount, total: row.responseCount },
    standing: row.standing,
    locked: row.lockedAt !== null || row.article.lockedAt !== null,
    url: link(`/claims/${encodeURIComponent(row.id)}`),
  };
}

export async function getPublishedArticle(slug: string): Promise<z.infer<typeof S.Article> | null> {
  const article = await getDb().article.findFirst({
    where: { slug, ...visibleArticleWhere(null) },
    select: { ...articleSummarySelect, body: true, claims: { where: visibleClaimInArticleWhere(null), orderBy: { start: "asc" }, select: claimSummarySelect } },
  });
  if (!article) return null;
  return { ...articleSummary(article), body: article.body, claims: article.claims.map(claimSummary) };
}

/** A standing's reason as the API names it. */
const reasonItem = ({ id, stance, effect }: { id: string; stance: Stance; effect: number }) => ({ responseId: id, stance, effect });

export async function getVisibleClaim(claimId: string, viewer: Viewer): Promise<z.infer<typeof S.Claim> | null> {
  const [claim, standingOf] = await Promise.all([
    getDb().claim.findFirst({
      where: { id: claimId, ...visibleClaimWhere(viewer) },
      select: { ...claimSummarySelect, duplicateOfId: true, supportLog: true, opposeLog: true, bridging: true },
    }),
    standingWith(claimId),
  ]);
  if (!claim) return null;
  const standing = standingOf(claim);
  return {
    ...claimSummary(claim),
    standing: standing.value,
    reasons: { raisedBy: standing.raisedBy.map(reasonItem), loweredBy: standing.loweredBy.map(reasonItem) },
    articleTitle: claim.article.title,
    duplicateOfId: claim.duplicateOfId,
    bridged: claim.bridging && bridgedItem(toBridgingView(claim.bridging)),
  };
}

function bridgedItem(view: BridgingView) {
  return {
    voters: view.voters,
    standing: view.standing?.value ?? null,
    reasons: { raisedBy: (view.standing?.raisedBy ?? []).map(reasonItem), loweredBy: (view.standing?.loweredBy ?? []).map(reasonItem) },
    groups: view.groups.map(({ label, size, agree, disagree }) => ({ label, size, agree, disagree })),
    computedAt: view.computedAt.toISOString(),
  };
}

/** A claim's vote counts and standing as they are now. */
export async function getClaimVoteCounts(claimId: string) {
  return getDb().claim.findUnique({ where: { id: claimId }, select: { agreeVotes: true, disagreeVotes: true, standing: true } });
}

// ---------- responses ----------

const responseSelect = {
  id: true,
  claimId: true,
  parentId: true,
  stance: true,
  body: true,
  createdAt: true,
  editedAt: true,
  ...responseStateSelect,
  strongVotes: true,
  weakVotes: true,
  supporters: true,
  opposers: true,
  strength: true,
  author: { select: { id: true, name: true } },
  sources: sourcesSelect,
  _count: { select: { sourceRequests: true } },
} satisfies Prisma.ResponseSelect;

type ResponseRow = Prisma.ResponseGetPayload<{ select: typeof responseSelect }>;

/** A row the viewer may see, as they see it. */
function responseItem(row: ResponseRow, viewer: Viewer): ResponseItem {
  const appearance = responseAppearance(row, viewer);
  const moderated = row.removedAt ? "removed" : "hidden";
  const status = appearance === "tombstone" ? "deleted" : appearance === "withheld" || appearance === "placeholder" ? moderated : "visible";
  const shown = appearance !== "tombstone" && appearance !== "placeholder";
  // A placeholder's figures are not readers' to see either (lib/policy/visibility.ts).
  const figures = appearance !== "placeholder";
  return {
    id: row.id,
    claimId: row.claimId,
    parentId: row.parentId,
    stance: row.stance,
    status,
    body: shown ? row.body : null,
    author: shown ? row.author : null,
    createdAt: row.createdAt.toISOString(),
    editedAt: shown ? (row.editedAt?.toISOString() ?? null) : null,
    votes: figures ? { strong: row.strongVotes, weak: row.weakVotes } : { strong: 0, weak: 0 },
    replies: figures ? { supporting: row.supporters, opposing: row.opposers } : { supporting: 0, opposing: 0 },
    strength: row.strength,
    sources: shown ? row.sources : [],
    sourceRequests: figures ? row._count.sourceRequests : 0,
    url: link(`/responses/${encodeURIComponent(row.id)}`),
  };
}

export interface ResponseListOptions {
  limit: number;
  cursor?: string;
  /** "root": direct responses to the claim; an id: replies to that response. */
  parent?: string;
  stance?: Stance;
}

/** A page of a visible claim's responses that the viewer may see, oldest first; null when the claim is not visible. */
export async function listClaimResponses(claimId: string, options: ResponseListOptions, viewer: Viewer) {
  const parentId = options.parent === undefined ? undefined : options.parent === "root" ? null : options.parent;
  const cursor = decodeCursor(options.cursor);
  // Both at once; the rows of a claim the viewer cannot see are dropped unread.
  const [visible, rows] = await Promise.all([
    claimVisibleTo(claimId, viewer),
    getDb().response.findMany({
      where: {
        claimId,
        ...visibleResponseWhere(viewer, { placeholders: true }),
        ...(parentId !== undefined ? { parentId } : {}),
        ...(options.stance ? { stance: options.stance } : {}),
        ...after("createdAt", cursor, "gt"),
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: options.limit + 1,
      select: responseSelect,
    }),
  ]);
  if (!visible) return null;
  return page(
    rows,
    options.limit,
    (row) => responseItem(row, viewer),
    (row) => [row.createdAt, row.id],
  );
}

/** One response, if the viewer may see it. (After a write, the request reads from the primary: decision 012.) */
export async function getResponseItem(responseId: string, viewer: Viewer): Promise<ResponseItem | null> {
  const row = await getDb().response.findFirst({ where: { id: responseId, ...visibleResponseWhere(viewer, { placeholders: true }) }, select: responseSelect });
  return row ? responseItem(row, viewer) : null;
}
