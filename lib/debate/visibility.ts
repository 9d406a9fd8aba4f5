// lib/policy/visibility.ts's rule as query filters, for Prisma (`where`) and for raw SQL, so every read
// asks the database for exactly what the viewer may see. The integration test
// tests/integration/visibility.test.ts holds both forms to the pure rule on random rows and viewers.
import { getReadDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { seesDrafts, seesWithheld, type Viewer } from "@/lib/policy/visibility";

// ---------------------------------------------------------------- Prisma

export function visibleArticleWhere(viewer: Viewer): Prisma.ArticleWhereInput {
  return seesDrafts(viewer) ? {} : { status: "published" };
}

/** The claims the viewer may see of an article they already see: for `claims` under an article read. */
export function visibleClaimInArticleWhere(viewer: Viewer): Prisma.ClaimWhereInput {
  return seesWithheld(viewer) ? {} : { hiddenAt: null };
}

export function visibleClaimWhere(viewer: Viewer): Prisma.ClaimWhereInput {
  return { article: visibleArticleWhere(viewer), ...visibleClaimInArticleWhere(viewer) };
}

/** Readers see a deleted response ("[deleted]") only while readers see replies to it. */
const tombstoneWhere = {
  deletedAt: { not: null },
  withheldAbove: false,
  hiddenAt: null,
  removedAt: null,
  OR: [{ supporters: { gt: 0 } }, { opposers: { gt: 0 } }],
} satisfies Prisma.ResponseWhereInput;

/**
 * Where a response was hidden or removed by itself, readers meet a placeholder (no text, author or
 * counts). Only a debate's own places ask for these (`{ placeholders: true }`): a thread, a claim's
 * responses in the API and exports. Lists of someone's responses, search and history never show them.
 */
export interface PlaceholderOption {
  placeholders?: boolean;
}

/** The responses `viewer` may see, on claims they may see. */
export function visibleResponseWhere(viewer: Viewer, { placeholders = false }: PlaceholderOption = {}): Prisma.ResponseWhereInput {
  const undeleted: Prisma.ResponseWhereInput = seesWithheld(viewer)
    ? { deletedAt: null }
    : placeholders
      ? { deletedAt: null, withheldAbove: false }
      : {
          deletedAt: null,
          withheldAbove: false,
          OR: [{ hiddenAt: null, removedAt: null }, ...(viewer ? [{ authorId: viewer.id }] : [])],
        };
  return { claim: visibleClaimWhere(viewer), OR: [undeleted, tombstoneWhere] };
}

/** Responses whose argument counts for readers (arguesForReaders): seen with their text. */
export const arguingResponseWhere = { deletedAt: null, hiddenAt: null, removedAt: null, withheldAbove: false } satisfies Prisma.ResponseWhereInput;

/** The columns the rule reads of a response (ResponseState), for a `select`. */
export const responseStateSelect = {
  authorId: true,
  hiddenAt: true,
  removedAt: true,
  deletedAt: true,
  withheldAbove: true,
  supporters: true,
  opposers: true,
} satisfies Prisma.ResponseSelect;

/** What a response is to readers: its text, "[deleted]", or a moderation tombstone (decision 015). */
export type ReadersStatus = "visible" | "deleted" | "hidden" | "removed";

/**
 * A response as readers see it, in files: a deleted one keeps its place as "[deleted]" (no sources); one
 * hidden or removed by itself is a tombstone, with no text, sources or votes of its own (what was posted
 * under it is not exported at all: visibleResponseWhere leaves it out).
 */
export function readersText<T extends { body: string; deletedAt: Date | null; hiddenAt: Date | null; removedAt: Date | null; sources?: unknown[] }>(
  row: T,
): T & { status: ReadersStatus } {
  const noSources = "sources" in row ? { sources: [] } : {};
  if (row.deletedAt) return { ...row, ...noSources, status: "deleted", body: "[deleted]" };
  if (row.removedAt) return { ...row, ...noSources, ...noFigures(row), status: "removed", body: "[removed by a moderator]" };
  if (row.hiddenAt) return { ...row, ...noSources, ...noFigures(row), status: "hidden", body: "[hidden while moderators review it]" };
  return { ...row, status: "visible" };
}

const noFigures = (row: object) => ("strongVotes" in row ? { strongVotes: 0, weakVotes: 0 } : {});

// ---------------------------------------------------------------- SQL

const column = (alias: string, name: string) => Prisma.raw(`${alias}."${name}"`);

export function articleVisibleSql(viewer: Viewer, a = "a"): Prisma.Sql {
  return seesDrafts(viewer) ? Prisma.sql`TRUE` : Prisma.sql`${column(a, "status")} = 'published'`;
}

/** For claim rows `c` joined to their article `a`. */
export function claimVisibleSql(viewer: Viewer, c = "c", a = "a"): Prisma.Sql {
  const claim = seesWithheld(viewer) ? Prisma.sql`TRUE` : Prisma.sql`${column(c, "hiddenAt")} IS NULL`;
  return Prisma.sql`(${articleVisibleSql(viewer, a)} AND ${claim})`;
}

/**
 * For response rows `r` (their claim's visibility is checked separately, with claimVisibleSql). The
 * tombstone test is arguably_response_present, the database's own (migration 20261202013659_visibility).
 */
export function responseVisibleSql(viewer: Viewer, r = "r", { placeholders = false }: PlaceholderOption = {}): Prisma.Sql {
  const present = Prisma.sql`arguably_response_present(${column(r, "withheldAbove")}, ${column(r, "hiddenAt")}, ${column(r, "removedAt")}, ${column(r, "deletedAt")}, ${column(r, "supporters")} + ${column(r, "opposers")})`;
  let undeleted: Prisma.Sql;
  if (seesWithheld(viewer)) undeleted = Prisma.sql`TRUE`;
  else if (placeholders) undeleted = Prisma.sql`NOT ${column(r, "withheldAbove")}`;
  else {
    const own = viewer ? Prisma.sql`OR ${column(r, "authorId")} = ${viewer.id}` : Prisma.empty;
    undeleted = Prisma.sql`(NOT ${column(r, "withheldAbove")} AND ((${column(r, "hiddenAt")} IS NULL AND ${column(r, "removedAt")} IS NULL) ${own}))`;
  }
  return Prisma.sql`((${column(r, "deletedAt")} IS NULL AND ${undeleted}) OR (${column(r, "deletedAt")} IS NOT NULL AND ${present}))`;
}

// ---------------------------------------------------------------- single checks

/** A client to count with: the routed reader by default, or the caller's transaction. */
type Counter = Pick<Prisma.TransactionClient, "claim" | "response">;

export async function claimVisibleTo(claimId: string, viewer: Viewer, db: Counter = getReadDb()) {
  return (await db.claim.count({ where: { id: claimId, ...visibleClaimWhere(viewer) } })) === 1;
}

/** A response readers see with its text, on a claim they see: what can be followed or reported. */
export async function responseArguesForReaders(responseId: string, db: Counter = getReadDb()) {
  return (await db.response.count({ where: { id: responseId, ...arguingResponseWhere, claim: visibleClaimWhere(null) } })) === 1;
}

export async function articleVisibleTo(articleId: string, viewer: Viewer) {
  return (await getReadDb().article.count({ where: { id: articleId, ...visibleArticleWhere(viewer) } })) === 1;
}
