// The debates that are alive now, for the home page (issue 28; its articles are lib/articles/queries.ts
// listArticleSummaries). What readers see (lib/policy/visibility.ts), whoever asks: the home page is one
// shared render for everyone (server/page-cache.ts), dropped whenever any debate changes.
import { getReadDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Stance } from "@/lib/vocabulary";
import { excerpt } from "@/lib/format";
import { arguingResponseWhere, claimVisibleSql, responseVisibleSql } from "./visibility";

/** Debates on the home page. */
const LIVE_DEBATES_SHOWN = 6;
/** "Alive" is arguments posted within this window; ties and quiet weeks go by the last argument. */
const ACTIVE_WINDOW = Prisma.sql`interval '7 days'`;
const EXCERPT_LENGTH = 200;
/** On a site where nothing is argued yet, this many claims of each article invite the first argument. */
const WAITING_PER_ARTICLE = 3;

export interface DebateArgument {
  id: string;
  stance: Stance;
  excerpt: string;
}

export interface LiveDebate {
  id: string;
  text: string;
  article: { slug: string; title: string };
  supporting: number;
  opposing: number;
  /** When the last argument readers see was posted (null: none yet). */
  lastArgumentAt: Date | null;
  /** The strongest direct argument of each side, if it has one. */
  strongestFor: DebateArgument | null;
  strongestAgainst: DebateArgument | null;
}

interface DebateRow {
  id: string;
  text: string;
  slug: string;
  title: string;
  supportCount: number;
  opposeCount: number;
  lastArgumentAt: Date | null;
}

/**
 * The most argued claims across articles: most arguments in the last week first, then the most recent
 * argument. With none argued yet (a new site), the claims waiting for their first argument, article by article.
 */
export async function listLiveDebates(limit = LIVE_DEBATES_SHOWN): Promise<{ argued: boolean; debates: LiveDebate[] }> {
  const db = getReadDb();
  const visibleResponse = responseVisibleSql(null);
  const argued = await db.$queryRaw<DebateRow[]>`
    SELECT c.id, c.text, a.slug, a.title, c."supportCount", c."opposeCount", activity.last AS "lastArgumentAt"
    FROM "Claim" c
    JOIN "Article" a ON a.id = c."articleId"
    CROSS JOIN LATERAL (
      SELECT max(r."createdAt") AS last,
        count(*) FILTER (WHERE r."createdAt" > now() - ${ACTIVE_WINDOW})::int AS recent
      FROM "Response" r WHERE r."claimId" = c.id AND ${visibleResponse}
    ) activity
    WHERE ${claimVisibleSql(null)} AND c."responseCount" > 0 AND activity.last IS NOT NULL
    ORDER BY activity.recent DESC, activity.last DESC, c.id
    LIMIT ${limit}`;
  if (!argued.length) {
    // The claims the finder was surest of, a few from each article, newest article first.
    const waiting = await db.$queryRaw<DebateRow[]>`
      SELECT id, text, slug, title, 0 AS "supportCount", 0 AS "opposeCount", NULL::timestamp AS "lastArgumentAt"
      FROM (
        SELECT c.id, c.text, a.slug, a.title, a."importedAt",
          row_number() OVER (PARTITION BY a.id ORDER BY c.score DESC NULLS LAST, c.start) AS rank
        FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
        WHERE ${claimVisibleSql(null)}
      ) ranked
      WHERE rank <= ${WAITING_PER_ARTICLE}
      ORDER BY rank, "importedAt" DESC, id
      LIMIT ${limit}`;
    return { argued: false, debates: waiting.map((row) => toDebate(row, null, null)) };
  }
  const strongest = (claimId: string, stance: Stance) =>
    db.response.findFirst({
      where: { claimId, parentId: null, stance, ...arguingResponseWhere },
      orderBy: [{ strength: "desc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, stance: true, body: true },
    });
  const sides = await Promise.all(argued.map((row) => Promise.all([strongest(row.id, "support"), strongest(row.id, "oppose")])));
  return { argued: true, debates: argued.map((row, index) => toDebate(row, ...sides[index])) };
}

type ArgumentRow = { id: string; stance: Stance; body: string } | null;

function toDebate(row: DebateRow, strongestFor: ArgumentRow, strongestAgainst: ArgumentRow): LiveDebate {
  const argument = (found: ArgumentRow) => found && { id: found.id, stance: found.stance, excerpt: excerpt(found.body, EXCERPT_LENGTH) };
  return {
    id: row.id,
    text: row.text,
    article: { slug: row.slug, title: row.title },
    supporting: row.supportCount,
    opposing: row.opposeCount,
    lastArgumentAt: row.lastArgumentAt,
    strongestFor: argument(strongestFor),
    strongestAgainst: argument(strongestAgainst),
  };
}
