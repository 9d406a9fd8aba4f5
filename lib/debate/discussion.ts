// Reading a debate: a claim with a bounded page of its response tree, or one thread of it.
//
// Everything read here is what the viewer may see (lib/policy/visibility.ts, decision 015). Where a
// response was itself hidden or removed, readers get a placeholder: its id, place and stance, the rule
// and the log entry, never its text, author or figures; what was posted under it is not loaded.
//
// Pages never load a whole tree. Counts, strengths and the standing are kept current by the database
// (decision 010), so a page reads a fixed number of rows whatever the size of the debate: the top
// responses of each stance in the chosen order, a few replies under each, a few under those, and
// links onward ("show more", "continue this thread").
import type { ClaimVoteValue, ResponseVoteValue, Stance } from "@/lib/vocabulary";
import type { ClaimOrigin } from "@/lib/generated/prisma/enums";
import { getDb, getReadDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { baseScore, standingFromAggregates, type Standing } from "@/lib/argument/standing";
import type { Sort } from "@/lib/argument/ranking";
import type { GroupLean } from "@/lib/argument/bridged-standing";
import { responseAppearance, type Viewer } from "@/lib/policy/visibility";
import { arguingResponseWhere, readersText, responseVisibleSql, visibleClaimWhere, visibleResponseWhere } from "./visibility";
import { sourcesOf, type CitedSource } from "./response-sources";
import { moderationNotices } from "@/lib/moderation/log";
import type { ModerationNotice } from "@/lib/moderation/notice";

/** Direct responses shown per stance at first, and added by each "show more". */
export const RESPONSES_PER_PAGE = 10;
export const MAX_SHOWN_RESPONSES = 500;
/** Replies shown under a response, by depth below the first level shown (then "more replies"). */
const REPLIES_SHOWN = [3, 2];
const THREAD_REPLIES_SHOWN = [50, 3];

export interface ResponseView {
  id: string;
  parentId: string | null;
  stance: Stance;
  /** Empty for a deleted response ("[deleted]"). */
  body: string;
  deleted: boolean;
  /** Hidden pending review, or removed by a moderator: only its author and moderators see it, with a notice. */
  hidden: boolean;
  removed: boolean;
  /** Readers do not see it (it, or a response above it, is hidden or removed); this viewer may. */
  withheld: boolean;
  /** Shown to the author and moderators only. */
  removalReason: string | null;
  /**
   * Readers meet a placeholder here: it was hidden or removed by itself (no text, author or figures).
   * `moderation` says what it shows.
   */
  placeholder: boolean;
  /** For a placeholder and for a withheld response: the rule, the log entry, and (withheld only) the note. */
  moderation: ModerationNotice | null;
  createdAt: Date;
  editedAt: Date | null;
  /** Null for a deleted response: its author took it back. */
  author: { id: string; name: string } | null;
  strong: number;
  weak: number;
  viewerVote: ResponseVoteValue | null;
  /** Whether the viewer follows this response (automatic for its author). */
  following: boolean;
  supporters: number;
  opposers: number;
  /** All direct replies; `children` holds the ones loaded, best first. */
  replies: number;
  /** This response's own strength from its subtree, in [0, 1]. */
  strength: number;
  /** What it cites, in the author's order (none for a deleted response). */
  sources: CitedSource[];
  /** Readers who marked it "needs a source". */
  sourceRequests: number;
  children: ResponseView[];
}

interface ClaimHeader {
  claim: {
    id: string;
    text: string;
    exact: string;
    prefix: string;
    suffix: string;
    articleId: string;
    hidden: boolean;
    locked: boolean;
    duplicateOfId: string | null;
    /** Who marked it: the claim finder, an editor, or a reader (named in `raisedBy`, kept when an editor accepts it). */
    origin: ClaimOrigin;
    raisedBy: { id: string; name: string } | null;
    createdAt: Date;
    /** For editors' changes (lib/debate/curate-claim.ts): the version they saw. */
    moderationVersion: number;
  };
  article: { slug: string; title: string };
}

export interface ClaimDiscussion extends ClaimHeader {
  agree: number;
  disagree: number;
  viewerVote: ClaimVoteValue | null;
  following: boolean;
  standing: Standing;
  /** The bridged standing and opinion groups, once the job has computed them (decision 020). */
  bridging: BridgingView | null;
  /** The first page of direct responses of each stance; `counts` says how many there are in all. */
  supporting: ResponseView[];
  opposing: ResponseView[];
  counts: { supporting: number; opposing: number };
  /** Every response loaded for this page (the trees and the reasons), by id. */
  byId: Map<string, ResponseView>;
  total: number;
}

export interface BridgingView {
  voters: number;
  /** Null under the minimum number of voters. */
  standing: Standing | null;
  groups: GroupLean[];
  computedAt: Date;
}

interface ResponseRow {
  id: string;
  claimId: string;
  parentId: string | null;
  stance: Stance;
  body: string;
  authorId: string;
  authorName: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  removedAt: Date | null;
  removalReason: string | null;
  withheldAbove: boolean;
  strongVotes: number;
  weakVotes: number;
  supporters: number;
  opposers: number;
  strength: number;
  sourceRequests: number;
}

// Mirrors lib/argument/ranking.ts compareBy, in SQL (arguably_wilson and arguably_controversy are
// defined in migration 20261122054032_debate_stats); the id makes the order total.
const ORDER: Record<Sort, Prisma.Sql> = {
  best: Prisma.sql`arguably_wilson(r."strongVotes", r."weakVotes") DESC, r."createdAt" DESC, r.id`,
  bridging: Prisma.sql`COALESCE((SELECT rb.score FROM "ResponseBridging" rb WHERE rb."responseId" = r.id), 0.5) DESC, arguably_wilson(r."strongVotes", r."weakVotes") DESC, r."createdAt" DESC, r.id`,
  newest: Prisma.sql`r."createdAt" DESC, r.id`,
  debated: Prisma.sql`r.supporters + r.opposers DESC, r."createdAt" DESC, r.id`,
  controversial: Prisma.sql`arguably_controversy(r."strongVotes", r."weakVotes") DESC, r."createdAt" DESC, r.id`,
};

/** Arguments first: a placeholder (or, for its author and moderators, a withheld response) after them. */
const WITHHELD_LAST = Prisma.sql`(r."hiddenAt" IS NOT NULL OR r."removedAt" IS NOT NULL)`;

/**
 * Responses matching `where` that `viewer` may see, at most `limit` per `partition` in `sort` order.
 * Ranks first, then reads bodies and author names for the rows kept only. (The caller has checked that
 * the viewer may see the claim.)
 */
async function rankedResponses(where: Prisma.Sql, partition: Prisma.Sql, sort: Sort, limit: Prisma.Sql, viewer: Viewer): Promise<ResponseRow[]> {
  return getReadDb().$queryRaw<ResponseRow[]>`
    WITH ranked AS (
      SELECT r.id, r.stance, row_number() OVER (PARTITION BY ${partition} ORDER BY ${WITHHELD_LAST}, ${ORDER[sort]}) AS rank
      FROM "Response" r
      WHERE ${where} AND ${responseVisibleSql(viewer, "r", { placeholders: true })}
    )
    SELECT r.id, r."claimId", r."parentId", r.stance::text AS stance, r.body, r."authorId", author.name AS "authorName",
      r."createdAt", r."editedAt", r."deletedAt", r."hiddenAt", r."removedAt", r."removalReason", r."withheldAbove",
      r."strongVotes", r."weakVotes", r.supporters, r.opposers, r.strength,
      (SELECT count(*)::int FROM "SourceRequest" sr WHERE sr."responseId" = r.id) AS "sourceRequests"
    FROM ranked
    JOIN "Response" r ON r.id = ranked.id
    JOIN "User" author ON author.id = r."authorId"
    WHERE ranked.rank <= ${limit}
    ORDER BY ranked.rank`;
}

/** A row the viewer may see (rankedResponses filtered it), as the page shows it to them. */
function toView(row: ResponseRow, viewer: Viewer): ResponseView {
  const appearance = responseAppearance(row, viewer);
  if (appearance === "placeholder") return placeholderView(row);
  const tombstone = appearance === "tombstone";
  return {
    id: row.id,
    parentId: row.parentId,
    stance: row.stance,
    body: tombstone ? "" : row.body,
    deleted: tombstone,
    hidden: row.hiddenAt !== null,
    removed: row.removedAt !== null,
    withheld: appearance === "withheld",
    removalReason: appearance === "withheld" ? row.removalReason : null,
    placeholder: false,
    moderation: null,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    author: tombstone ? null : { id: row.authorId, name: row.authorName },
    strong: row.strongVotes,
    weak: row.weakVotes,
    viewerVote: null,
    following: false,
    supporters: row.supporters,
    opposers: row.opposers,
    replies: row.supporters + row.opposers,
    strength: row.strength,
    sources: [],
    sourceRequests: row.sourceRequests,
    children: [],
  };
}

/** Where a response was hidden or removed, for someone who may not read it: its place, nothing of it. */
function placeholderView(row: ResponseRow): ResponseView {
  return {
    id: row.id,
    parentId: row.parentId,
    stance: row.stance,
    body: "",
    deleted: false,
    hidden: row.hiddenAt !== null,
    removed: row.removedAt !== null,
    withheld: false,
    removalReason: null,
    placeholder: true,
    moderation: null,
    createdAt: row.createdAt,
    editedAt: null,
    author: null,
    strong: 0,
    weak: 0,
    viewerVote: null,
    following: false,
    supporters: 0,
    opposers: 0,
    replies: 0,
    strength: 0,
    sources: [],
    sourceRequests: 0,
    children: [],
  };
}

/** What placeholders and withheld responses say: rule and log entry; the note only to who may read it. */
async function addModerationNotices(views: Map<string, ResponseView>) {
  const moderated = [...views.values()].filter((view) => view.placeholder || (view.withheld && (view.hidden || view.removed)));
  const notices = await moderationNotices(moderated.map((view) => ({ id: view.id, removed: view.removed })));
  for (const view of moderated) {
    const notice = notices.get(view.id)!;
    view.moderation = view.placeholder ? { ...notice, note: null } : notice;
  }
}

/** Below `first`, loads `repliesShown[i]` replies per response at each further depth i. */
async function loadReplies(claimId: string, first: ResponseView[], repliesShown: number[], sort: Sort, viewer: Viewer) {
  let level = first;
  for (const shown of repliesShown) {
    // Counts hold what readers see; a signed-in viewer may also see replies they do not count (their
    // own under review, or, for moderators, withheld threads), so for them every parent is asked.
    const parents = viewer ? level : level.filter((view) => view.replies > 0);
    if (!parents.length) break;
    const byParent = new Map(parents.map((view) => [view.id, view]));
    const rows = await rankedResponses(
      Prisma.sql`r."claimId" = ${claimId} AND r."parentId" = ANY(${parents.map((view) => view.id)})`,
      Prisma.sql`r."parentId"`,
      sort,
      Prisma.sql`${shown}`,
      viewer,
    );
    level = rows.map((row) => toView(row, viewer));
    for (const view of level) byParent.get(view.parentId!)!.children.push(view);
  }
}

/** The sources of the responses shown (a deleted one or a placeholder shows none). */
async function addSources(views: Map<string, ResponseView>) {
  const sources = await sourcesOf([...views.values()].filter((view) => !view.deleted && !view.placeholder).map((view) => view.id));
  for (const [id, cited] of sources) views.get(id)!.sources = cited;
}

/** The viewer's votes and follows on the responses shown. */
async function addViewerState(views: Map<string, ResponseView>, viewerId: string | null | undefined) {
  const ids = [...views.values()].filter((view) => !view.placeholder).map((view) => view.id);
  if (!viewerId || ids.length === 0) return;
  const [votes, follows] = await Promise.all([
    getDb().responseVote.findMany({ where: { userId: viewerId, responseId: { in: ids } }, select: { responseId: true, value: true } }),
    getDb().follow.findMany({ where: { userId: viewerId, responseId: { in: ids } }, select: { responseId: true } }),
  ]);
  for (const vote of votes) views.get(vote.responseId)!.viewerVote = vote.value;
  for (const follow of follows) views.get(follow.responseId!)!.following = true;
}

/** On a hidden claim (seen by moderators only) readers see none of the debate. */
function markAllWithheld(views: Map<string, ResponseView>) {
  for (const view of views.values()) view.withheld = true;
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
  origin: true,
  raisedBy: { select: { id: true, name: true } },
  createdAt: true,
  moderationVersion: true,
  agreeVotes: true,
  disagreeVotes: true,
  supportCount: true,
  opposeCount: true,
  responseCount: true,
  supportLog: true,
  opposeLog: true,
  article: { select: { slug: true, title: true, lockedAt: true } },
} satisfies Prisma.ClaimSelect;

async function findVisibleClaim(claimId: string, viewer: Viewer) {
  return getDb().claim.findFirst({ where: { id: claimId, ...visibleClaimWhere(viewer) }, select: claimSelect });
}

function header(claim: NonNullable<Awaited<ReturnType<typeof findVisibleClaim>>>): ClaimHeader {
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
      origin: claim.origin,
      raisedBy: claim.raisedBy,
      createdAt: claim.createdAt,
      moderationVersion: claim.moderationVersion,
    },
    article: { slug: claim.article.slug, title: claim.article.title },
  };
}

/**
 * The claim's strongest direct responses of each stance: the candidates for "what moves it most". Only
 * arguments readers see count toward the standing (the others' strength is 0), so only those are asked.
 * With their text, which live updates name them by (lib/live/build-update.ts). From the primary.
 */
export async function strongestResponses(claimId: string) {
  const strongest = (stance: Stance) =>
    getDb().response.findMany({
      where: { claimId, parentId: null, stance, ...arguingResponseWhere },
      orderBy: { strength: "desc" },
      take: 3,
      select: { id: true, stance: true, strength: true, body: true },
    });
  return (await Promise.all([strongest("support"), strongest("oppose")])).flat();
}

/** The standing from what a claim stores and its strongest responses (strongestResponses). */
export function storedStanding(
  claim: { agreeVotes: number; disagreeVotes: number; supportLog: number; opposeLog: number },
  strongest: Awaited<ReturnType<typeof strongestResponses>>,
) {
  return standingFromAggregates(
    { base: baseScore(claim.agreeVotes, claim.disagreeVotes), supportLog: claim.supportLog, opposeLog: claim.opposeLog },
    strongest,
  );
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
  /** Who is reading (null: anyone); decides what they may see and their own votes and follows. */
  viewer?: Viewer;
  sort?: Sort;
  /** How many direct responses of each stance to show (grows with "show more"). */
  shown?: { supporting?: number; opposing?: number };
}

/** A claim with a bounded page of its debate, its standing and the reasons that move it. */
export async function getClaimDiscussion(
  claimId: string,
  { viewer = null, sort = "best", shown = {} }: DiscussionOptions = {},
): Promise<ClaimDiscussion | null> {
  const claim = await findVisibleClaim(claimId, viewer);
  if (!claim) return null;
  const viewerId = viewer?.id ?? null;
  const supportingShown = clampShown(shown.supporting);
  const opposingShown = clampShown(shown.opposing);
  const [roots, strongest, viewerClaimVote, follow, bridging] = await Promise.all([
    rankedResponses(
      Prisma.sql`r."claimId" = ${claimId} AND r."parentId" IS NULL`,
      Prisma.sql`r.stance`,
      sort,
      Prisma.sql`CASE WHEN ranked.stance = 'support' THEN ${supportingShown}::int ELSE ${opposingShown}::int END`,
      viewer,
    ),
    strongestResponses(claimId),
    viewerId ? getDb().claimVote.findUnique({ where: { claimId_userId: { claimId, userId: viewerId } }, select: { value: true } }) : null,
    viewerId ? getDb().follow.findUnique({ where: { userId_claimId: { userId: viewerId, claimId } }, select: { id: true } }) : null,
    getReadDb().claimBridging.findUnique({ where: { claimId } }),
  ]);
  const first = roots.map((row) => toView(row, viewer));
  await loadReplies(claimId, first, REPLIES_SHOWN, sort, viewer);
  const byId = collect(first);
  const bridgingView = bridging && toBridgingView(bridging);
  // Reasons can name responses beyond the page shown; load those too, for their text.
  const bridgedReasons = bridgingView?.standing ? [...bridgingView.standing.raisedBy, ...bridgingView.standing.loweredBy] : [];
  const missing = [...new Set([...strongest, ...bridgedReasons].map((reason) => reason.id))].filter((id) => !byId.has(id));
  if (missing.length) {
    const rows = await rankedResponses(Prisma.sql`r.id = ANY(${missing})`, Prisma.sql`r.id`, sort, Prisma.sql`1`, viewer);
    for (const row of rows) byId.set(row.id, toView(row, viewer));
  }
  await Promise.all([addSources(byId), addViewerState(byId, viewerId), addModerationNotices(byId)]);
  if (claim.hiddenAt) markAllWithheld(byId);
  return {
    ...header(claim),
    agree: claim.agreeVotes,
    disagree: claim.disagreeVotes,
    viewerVote: viewerClaimVote?.value ?? null,
    following: follow !== null,
    standing: storedStanding(claim, strongest),
    bridging: bridgingView,
    supporting: first.filter((view) => view.stance === "support"),
    opposing: first.filter((view) => view.stance === "oppose"),
    counts: { supporting: claim.supportCount, opposing: claim.opposeCount },
    byId,
    total: claim.responseCount,
  };
}

/** A stored ClaimBridging row as pages and the API show it. */
export function toBridgingView(row: {
  voters: number;
  standing: number | null;
  reasons: Prisma.JsonValue;
  groups: Prisma.JsonValue;
  computedAt: Date;
}): BridgingView {
  const reasons = row.reasons as unknown as Pick<Standing, "raisedBy" | "loweredBy">;
  return {
    voters: row.voters,
    standing: row.standing === null ? null : { value: row.standing, raisedBy: reasons.raisedBy ?? [], loweredBy: reasons.loweredBy ?? [] },
    groups: row.groups as unknown as GroupLean[],
    computedAt: row.computedAt,
  };
}

function clampShown(value: number | undefined) {
  if (!value || !Number.isFinite(value)) return RESPONSES_PER_PAGE;
  return Math.min(Math.max(Math.trunc(value), RESPONSES_PER_PAGE), MAX_SHOWN_RESPONSES);
}

/**
 * Where the debate of a claim that was merged into another now is (the other claim, if the viewer sees
 * it): old links to a merged claim lead there instead of to "not found".
 */
export async function getMergedInto(claimId: string, viewer: Viewer = null) {
  const claim = await getDb().claim.findFirst({
    where: { id: claimId, hiddenAt: { not: null }, duplicateOf: { id: { not: claimId }, ...visibleClaimWhere(viewer) } },
    select: { duplicateOfId: true },
  });
  return claim?.duplicateOfId ?? null;
}

/** The other claims of an article readers see, for an editor choosing where to merge a claim. */
export async function listMergeTargets(articleId: string, exceptId: string) {
  return getDb().claim.findMany({ where: { articleId, id: { not: exceptId }, hiddenAt: null }, orderBy: { start: "asc" }, select: { id: true, text: true } });
}

/** The claim's wording alone, for page titles, if the viewer may see the claim. */
export async function getClaimText(claimId: string, viewer: Viewer = null) {
  const claim = await getDb().claim.findFirst({ where: { id: claimId, ...visibleClaimWhere(viewer) }, select: { text: true } });
  return claim?.text ?? null;
}

export interface Thread extends ClaimHeader {
  response: ResponseView;
  /** From the direct response to the claim down to this response's parent; a deleted one has no name. */
  ancestors: { id: string; authorName: string | null }[];
}

/** "Continue this thread": one response, its replies (a bounded number at each depth) and its ancestors. */
export async function getThread(responseId: string, { viewer = null, sort = "best" }: { viewer?: Viewer; sort?: Sort } = {}): Promise<Thread | null> {
  const rows = await rankedResponses(Prisma.sql`r.id = ${responseId}`, Prisma.sql`r.id`, sort, Prisma.sql`1`, viewer);
  const target = rows[0];
  if (!target) return null;
  const claim = await findVisibleClaim(target.claimId, viewer);
  if (!claim) return null;
  // Everything above a response the viewer sees is seen by them too (the rule is closed upwards).
  const ancestors = await getReadDb().$queryRaw<{ id: string; authorName: string | null }[]>`
    WITH RECURSIVE up AS (
      SELECT r."parentId" AS id, 1 AS distance FROM "Response" r WHERE r.id = ${responseId}
      UNION ALL
      SELECT r."parentId", up.distance + 1 FROM "Response" r JOIN up ON r.id = up.id WHERE up.distance < 1000
    )
    SELECT r.id, CASE WHEN r."deletedAt" IS NULL THEN author.name END AS "authorName"
    FROM up JOIN "Response" r ON r.id = up.id JOIN "User" author ON author.id = r."authorId"
    ORDER BY up.distance DESC`;
  const response = toView(target, viewer);
  await loadReplies(claim.id, [response], THREAD_REPLIES_SHOWN, sort, viewer);
  const views = collect([response]);
  await Promise.all([addSources(views), addViewerState(views, viewer?.id), addModerationNotices(views)]);
  if (claim.hiddenAt) markAllWithheld(views);
  return { ...header(claim), response, ancestors };
}

export const OUTLINE_MAX_NODES = 2_000;

export interface OutlineNode {
  id: string;
  stance: Stance;
  text: string;
  strength: number;
  strong: number;
  weak: number;
  children: OutlineNode[];
}

/**
 * The claim's debate as one outline, as readers see it (whole-tree views are the same for everyone:
 * decision 015), strongest first at every level, up to OUTLINE_MAX_NODES (then `shown` < `total`).
 */
export async function getClaimOutline(claimId: string) {
  const claim = await findVisibleClaim(claimId, null);
  if (!claim) return null;
  const rows = await getDb().response.findMany({
    where: { claimId, ...visibleResponseWhere(null, { placeholders: true }) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: OUTLINE_MAX_NODES,
    select: {
      id: true,
      parentId: true,
      stance: true,
      body: true,
      deletedAt: true,
      hiddenAt: true,
      removedAt: true,
      strength: true,
      strongVotes: true,
      weakVotes: true,
    },
  });
  const nodes = new Map<string, OutlineNode>(
    rows
      .map(readersText)
      .map((row) => [
        row.id,
        { id: row.id, stance: row.stance, text: row.body, strength: row.strength, strong: row.strongVotes, weak: row.weakVotes, children: [] },
      ]),
  );
  const roots: OutlineNode[] = [];
  // Rows can come before their parents (an imported debate's share one creation time), and a reply
  // whose parent fell beyond the cut hangs from nothing: it is left out with everything below it.
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    if (row.parentId === null) roots.push(node);
    else nodes.get(row.parentId)?.children.push(node);
  }
  let shown = 0;
  const strongestFirst = (list: OutlineNode[]) => {
    list.sort((a, b) => b.strength - a.strength);
    shown += list.length;
    for (const node of list) strongestFirst(node.children);
  };
  strongestFirst(roots);
  return {
    ...header(claim),
    agree: claim.agreeVotes,
    disagree: claim.disagreeVotes,
    standing: storedStanding(claim, []).value,
    roots,
    shown,
    total: claim.responseCount,
  };
}
