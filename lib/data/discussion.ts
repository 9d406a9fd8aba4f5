// Reading a debate: a claim with a bounded page of its response tree, or one thread of it.
//
// Pages never load a whole tree. Counts, strengths and the standing are kept current by the database
// (decision 010), so a page reads a fixed number of rows whatever the size of the debate: the top
// responses of each stance in the chosen order, a few replies under each, a few under those, and
// links onward ("show more", "continue this thread").
import { getDb, getReadDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { baseScore, standingFromAggregates, type Standing } from "@/lib/argument/standing";
import type { Sort } from "@/lib/argument/ranking";
import { asReadersSeeThem } from "./visible-responses";

/** Direct responses shown per stance at first, and added by each "show more". */
export const RESPONSES_PER_PAGE = 10;
export const MAX_SHOWN_RESPONSES = 500;
/** Replies shown under a response, by depth below the first level shown (then "more replies"). */
const REPLIES_SHOWN = [3, 2];
const THREAD_REPLIES_SHOWN = [50, 3];

export interface ResponseView {
  id: string;
  parentId: string | null;
  stance: "support" | "oppose";
  body: string;
  deleted: boolean;
  /** Hidden pending review, or removed by a moderator: readers see a notice instead of the text. */
  hidden: boolean;
  removed: boolean;
  /** Shown to the author only. */
  removalReason: string | null;
  createdAt: Date;
  editedAt: Date | null;
  author: { id: string; name: string };
  strong: number;
  weak: number;
  viewerVote: "strong" | "weak" | null;
  /** Whether the viewer follows this response (automatic for its author). */
  following: boolean;
  supporters: number;
  opposers: number;
  /** All direct replies; `children` holds the ones loaded, best first. */
  replies: number;
  /** This response's own strength from its subtree, in [0, 1]. */
  strength: number;
  children: ResponseView[];
}

interface ClaimHeader {
  claim: { id: string; text: string; exact: string; prefix: string; suffix: string; articleId: string; hidden: boolean; locked: boolean; duplicateOfId: string | null };
  article: { slug: string; title: string };
}

export interface ClaimDiscussion extends ClaimHeader {
  agree: number;
  disagree: number;
  viewerVote: "agree" | "disagree" | null;
  following: boolean;
  standing: Standing;
  /** The first page of direct responses of each stance; `counts` says how many there are in all. */
  supporting: ResponseView[];
  opposing: ResponseView[];
  counts: { supporting: number; opposing: number };
  /** Every response loaded for this page (the trees and the reasons), by id. */
  byId: Map<string, ResponseView>;
  total: number;
}

interface ResponseRow {
  id: string;
  claimId: string;
  parentId: string | null;
  stance: "support" | "oppose";
  body: string;
  authorId: string;
  authorName: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  removedAt: Date | null;
  removalReason: string | null;
  strongVotes: number;
  weakVotes: number;
  supporters: number;
  opposers: number;
  strength: number;
}

// Mirrors lib/argument/ranking.ts compareBy, in SQL (arguably_wilson and arguably_controversy are
// defined in migration 20261122054032_debate_stats); the id makes the order total.
const ORDER: Record<Sort, Prisma.Sql> = {
  best: Prisma.sql`arguably_wilson(r."strongVotes", r."weakVotes") DESC, r."createdAt" DESC, r.id`,
  newest: Prisma.sql`r."createdAt" DESC, r.id`,
  debated: Prisma.sql`r.supporters + r.opposers DESC, r."createdAt" DESC, r.id`,
  controversial: Prisma.sql`arguably_controversy(r."strongVotes", r."weakVotes") DESC, r."createdAt" DESC, r.id`,
};

/**
 * Responses matching `where`, at most `limit` per `partition` in `sort` order. Ranks first, then reads
 * bodies and author names for the rows kept only.
 */
async function rankedResponses(where: Prisma.Sql, partition: Prisma.Sql, sort: Sort, limit: Prisma.Sql): Promise<ResponseRow[]> {
  return getReadDb().$queryRaw<ResponseRow[]>`
    WITH ranked AS (
      SELECT r.id, r.stance, row_number() OVER (PARTITION BY ${partition} ORDER BY ${ORDER[sort]}) AS rank
      FROM "Response" r
      WHERE ${where}
    )
    SELECT r.id, r."claimId", r."parentId", r.stance::text AS stance, r.body, r."authorId", author.name AS "authorName",
      r."createdAt", r."editedAt", r."deletedAt", r."hiddenAt", r."removedAt", r."removalReason",
      r."strongVotes", r."weakVotes", r.supporters, r.opposers, r.strength
    FROM ranked
    JOIN "Response" r ON r.id = ranked.id
    JOIN "User" author ON author.id = r."authorId"
    WHERE ranked.rank <= ${limit}
    ORDER BY ranked.rank`;
}

function toView(row: ResponseRow, viewerId: string | null | undefined): ResponseView {
  const own = viewerId === row.authorId;
  const withheld = row.hiddenAt !== null || row.removedAt !== null;
  return {
    id: row.id,
    parentId: row.parentId,
    stance: row.stance,
    body: row.deletedAt || (withheld && !own) ? "" : row.body,
    deleted: row.deletedAt !== null,
    hidden: row.hiddenAt !== null,
    removed: row.removedAt !== null,
    removalReason: own ? row.removalReason : null,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    author: { id: row.authorId, name: row.authorName },
    strong: row.strongVotes,
    weak: row.weakVotes,
    viewerVote: null,
    following: false,
    supporters: row.supporters,
    opposers: row.opposers,
    replies: row.supporters + row.opposers,
    strength: row.strength,
    children: [],
  };
}

/** Below `first`, loads `repliesShown[i]` replies per response at each further depth i. */
async function loadReplies(claimId: string, first: ResponseView[], repliesShown: number[], sort: Sort, viewerId: string | null | undefined) {
  let level = first;
  for (const shown of repliesShown) {
    const parents = level.filter((view) => view.replies > 0);
    if (!parents.length) break;
    const byParent = new Map(parents.map((view) => [view.id, view]));
    const rows = await rankedResponses(
      Prisma.sql`r."claimId" = ${claimId} AND r."parentId" = ANY(${parents.map((view) => view.id)})`,
      Prisma.sql`r."parentId"`,
      sort,
      Prisma.sql`${shown}`,
    );
    level = rows.map((row) => toView(row, viewerId));
    for (const view of level) byParent.get(view.parentId!)!.children.push(view);
  }
}

/** The viewer's votes and follows on the responses shown. */
async function addViewerState(views: Map<string, ResponseView>, viewerId: string | null | undefined) {
  if (!viewerId || views.size === 0) return;
  const ids = [...views.keys()];
  const [votes, follows] = await Promise.all([
    getDb().responseVote.findMany({ where: { userId: viewerId, responseId: { in: ids } }, select: { responseId: true, value: true } }),
    getDb().follow.findMany({ where: { userId: viewerId, responseId: { in: ids } }, select: { responseId: true } }),
  ]);
  for (const vote of votes) views.get(vote.responseId)!.viewerVote = vote.value;
  for (const follow of follows) views.get(follow.responseId!)!.following = true;
}

function collect(views: ResponseView[], into = new Map<string, ResponseView>()) {
  for (const view of views) {
    into.set(view.id, view);
    collect(view.children, into);
  }
  return into;
}

const claimSelect = {
  id: true,
  text: true,
  exact: true,
  prefix: true,
  suffix: true,
  articleId: true,
  hiddenAt: true,
  lockedAt: true,
  duplicateOfId: true,
  agreeVotes: true,
  disagreeVotes: true,
  supportCount: true,
  opposeCount: true,
  responseCount: true,
  supportLog: true,
  opposeLog: true,
  article: { select: { slug: true, title: true, lockedAt: true } },
} satisfies Prisma.ClaimSelect;

async function findPublishedClaim(claimId: string) {
  return getDb().claim.findFirst({ where: { id: claimId, article: { status: "published" } }, select: claimSelect });
}

function header(claim: NonNullable<Awaited<ReturnType<typeof findPublishedClaim>>>): ClaimHeader {
  return {
    claim: {
      id: claim.id,
      text: claim.text,
      exact: claim.exact,
      prefix: claim.prefix,
      suffix: claim.suffix,
      articleId: claim.articleId,
      hidden: claim.hiddenAt !== null,
      locked: claim.lockedAt !== null || claim.article.lockedAt !== null,
      duplicateOfId: claim.duplicateOfId,
    },
    article: { slug: claim.article.slug, title: claim.article.title },
  };
}

/** The claim's strongest direct responses of each stance: the candidates for "what moves it most". */
async function strongestResponses(claimId: string) {
  const strongest = (stance: "support" | "oppose") =>
    getDb().response.findMany({
      where: { claimId, parentId: null, stance },
      orderBy: { strength: "desc" },
      take: 3,
      select: { id: true, stance: true, strength: true },
    });
  return (await Promise.all([strongest("support"), strongest("oppose")])).flat();
}

function storedStanding(claim: { agreeVotes: number; disagreeVotes: number; supportLog: number; opposeLog: number }, strongest: Awaited<ReturnType<typeof strongestResponses>>) {
  return standingFromAggregates({ base: baseScore(claim.agreeVotes, claim.disagreeVotes), supportLog: claim.supportLog, opposeLog: claim.opposeLog }, strongest);
}

/** A claim's standing and the responses that move it most: two index reads, whatever the debate's size. */
export async function getClaimStanding(claimId: string): Promise<Standing | null> {
  const [claim, standing] = await Promise.all([
    getDb().claim.findUnique({ where: { id: claimId }, select: { agreeVotes: true, disagreeVotes: true, supportLog: true, opposeLog: true } }),
    standingWith(claimId),
  ]);
  return claim ? standing(claim) : null;
}

/**
 * Starts reading what moves a claim's standing and answers with a function that, given the claim's
 * stored aggregates (read meanwhile, by the caller), gives the standing: one round trip for both.
 */
export async function standingWith(claimId: string) {
  const strongest = await strongestResponses(claimId);
  return (claim: { agreeVotes: number; disagreeVotes: number; supportLog: number; opposeLog: number }) => storedStanding(claim, strongest);
}

export interface DiscussionOptions {
  viewerId?: string | null;
  sort?: Sort;
  /** How many direct responses of each stance to show (grows with "show more"). */
  shown?: { supporting?: number; opposing?: number };
}

/** A claim with a bounded page of its debate, its standing and the reasons that move it. */
export async function getClaimDiscussion(claimId: string, { viewerId, sort = "best", shown = {} }: DiscussionOptions = {}): Promise<ClaimDiscussion | null> {
  const claim = await findPublishedClaim(claimId);
  if (!claim) return null;
  const supportingShown = clampShown(shown.supporting);
  const opposingShown = clampShown(shown.opposing);
  const [roots, strongest, viewerClaimVote, follow] = await Promise.all([
    rankedResponses(
      Prisma.sql`r."claimId" = ${claimId} AND r."parentId" IS NULL`,
      Prisma.sql`r.stance`,
      sort,
      Prisma.sql`CASE WHEN ranked.stance = 'support' THEN ${supportingShown}::int ELSE ${opposingShown}::int END`,
    ),
    strongestResponses(claimId),
    viewerId ? getDb().claimVote.findUnique({ where: { claimId_userId: { claimId, userId: viewerId } }, select: { value: true } }) : null,
    viewerId ? getDb().follow.findUnique({ where: { userId_claimId: { userId: viewerId, claimId } }, select: { id: true } }) : null,
  ]);
  const first = roots.map((row) => toView(row, viewerId));
  await loadReplies(claimId, first, REPLIES_SHOWN, sort, viewerId);
  const byId = collect(first);
  // Reasons can name responses beyond the page shown; load those too, for their text.
  const missing = strongest.map((reason) => reason.id).filter((id) => !byId.has(id));
  if (missing.length) {
    const rows = await rankedResponses(Prisma.sql`r.id = ANY(${missing})`, Prisma.sql`r.id`, sort, Prisma.sql`1`);
    for (const row of rows) byId.set(row.id, toView(row, viewerId));
  }
  await addViewerState(byId, viewerId);
  return {
    ...header(claim),
    agree: claim.agreeVotes,
    disagree: claim.disagreeVotes,
    viewerVote: viewerClaimVote?.value ?? null,
    following: follow !== null,
    standing: storedStanding(claim, strongest),
    supporting: first.filter((view) => view.stance === "support"),
    opposing: first.filter((view) => view.stance === "oppose"),
    counts: { supporting: claim.supportCount, opposing: claim.opposeCount },
    byId,
    total: claim.responseCount,
  };
}

function clampShown(value: number | undefined) {
  if (!value || !Number.isFinite(value)) return RESPONSES_PER_PAGE;
  return Math.min(Math.max(Math.trunc(value), RESPONSES_PER_PAGE), MAX_SHOWN_RESPONSES);
}

/** The claim's wording alone, for page titles. */
export async function getClaimText(claimId: string) {
  const claim = await getDb().claim.findFirst({ where: { id: claimId, article: { status: "published" } }, select: { text: true } });
  return claim?.text ?? null;
}

export interface Thread extends ClaimHeader {
  response: ResponseView;
  /** From the direct response to the claim down to this response's parent. */
  ancestors: { id: string; authorName: string }[];
}

/** "Continue this thread": one response, its replies (a bounded number at each depth) and its ancestors. */
export async function getThread(responseId: string, { viewerId, sort = "best" }: { viewerId?: string | null; sort?: Sort } = {}): Promise<Thread | null> {
  const rows = await rankedResponses(Prisma.sql`r.id = ${responseId}`, Prisma.sql`r.id`, sort, Prisma.sql`1`);
  const target = rows[0];
  if (!target) return null;
  const claim = await findPublishedClaim(target.claimId);
  if (!claim) return null;
  const ancestors = await getReadDb().$queryRaw<{ id: string; authorName: string }[]>`
    WITH RECURSIVE up AS (
      SELECT r."parentId" AS id, 1 AS distance FROM "Response" r WHERE r.id = ${responseId}
      UNION ALL
      SELECT r."parentId", up.distance + 1 FROM "Response" r JOIN up ON r.id = up.id WHERE up.distance < 1000
    )
    SELECT r.id, author.name AS "authorName"
    FROM up JOIN "Response" r ON r.id = up.id JOIN "User" author ON author.id = r."authorId"
    ORDER BY up.distance DESC`;
  const response = toView(target, viewerId);
  await loadReplies(claim.id, [response], THREAD_REPLIES_SHOWN, sort, viewerId);
  await addViewerState(collect([response]), viewerId);
  return { ...header(claim), response, ancestors };
}

export const OUTLINE_MAX_NODES = 2_000;

export interface OutlineNode {
  id: string;
  stance: "support" | "oppose";
  text: string;
  strength: number;
  strong: number;
  weak: number;
  children: OutlineNode[];
}

/**
 * The claim's debate as one outline: every response readers see (./visible-responses.ts), strongest
 * first at every level, up to
 * OUTLINE_MAX_NODES (then `shown` < `total`).
 */
export async function getClaimOutline(claimId: string) {
  const claim = await findPublishedClaim(claimId);
  if (!claim || claim.hiddenAt) return null;
  const rows = await getDb().response.findMany({
    where: { claimId },
    orderBy: [{ createdAt: "asc" }],
    take: OUTLINE_MAX_NODES,
    select: { id: true, parentId: true, stance: true, body: true, deletedAt: true, hiddenAt: true, removedAt: true, strength: true, strongVotes: true, weakVotes: true },
  });
  // Withheld threads, and replies whose parent fell beyond the cut, are left out.
  const visible = asReadersSeeThem(rows);
  const nodes = new Map<string, OutlineNode>(
    visible.map((row) => [row.id, { id: row.id, stance: row.stance, text: row.body, strength: row.strength, strong: row.strongVotes, weak: row.weakVotes, children: [] }]),
  );
  const roots: OutlineNode[] = [];
  for (const row of visible) {
    const node = nodes.get(row.id)!;
    if (row.parentId) nodes.get(row.parentId)!.children.push(node);
    else roots.push(node);
  }
  const strongestFirst = (list: OutlineNode[]) => {
    list.sort((a, b) => b.strength - a.strength);
    for (const node of list) strongestFirst(node.children);
  };
  strongestFirst(roots);
  return { ...header(claim), agree: claim.agreeVotes, disagree: claim.disagreeVotes, standing: storedStanding(claim, []).value, roots, shown: nodes.size, total: claim.responseCount };
}
