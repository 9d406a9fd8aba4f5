// The large parts of an article's export (responses and votes), read a page at a time in a stable
// order (keyset paging: each page starts after the last row of the one before), so an export of any
// size holds one page in memory. Same visibility as lib/exchange/queries.ts: what readers see.
import { getReadDb } from "@/lib/db/client";
import { readersText, visibleResponseWhere } from "@/lib/debate/visibility";

export { readersText };
import { sourcesSelect } from "@/lib/debate/response-sources";
import type { Prisma } from "@/lib/generated/prisma/client";

const PAGE = 1_000;

/** Pages of rows from `read(after)` until one comes back short; `after` is the last row read, or null. */
async function* pages<Row>(read: (after: Row | null) => Promise<Row[]>): AsyncGenerator<Row[]> {
  let after: Row | null = null;
  for (;;) {
    const rows = await read(after);
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1];
  }
}

/** Rows after `after` in (createdAt, …ids) order, as a Prisma filter. */
function afterRow<Row extends { createdAt: Date }>(after: Row | null, ids: (keyof Row & string)[]): object {
  if (!after) return {};
  // (createdAt, id1, id2) > (a, b, c), spelt out for Prisma.
  const ors: object[] = [{ createdAt: { gt: after.createdAt } }];
  for (let index = 0; index < ids.length; index++) {
    const equal = Object.fromEntries(ids.slice(0, index).map((id) => [id, after[id]]));
    ors.push({ createdAt: after.createdAt, ...equal, [ids[index]]: { gt: after[ids[index]] } });
  }
  return { OR: ors };
}

const responseSelect = {
  id: true,
  claimId: true,
  parentId: true,
  stance: true,
  body: true,
  createdAt: true,
  deletedAt: true,
  hiddenAt: true,
  removedAt: true,
  strongVotes: true,
  weakVotes: true,
  strength: true,
  sources: sourcesSelect,
} satisfies Prisma.ResponseSelect;

/** The responses readers see on these claims, oldest first; a deleted one as "[deleted]", a moderated one as its tombstone. */
export function responsePages(claimIds: string[]) {
  const visible = { claimId: { in: claimIds }, ...visibleResponseWhere(null, { placeholders: true }) };
  return pages(async (after: { id: string; createdAt: Date } | null) => {
    const rows = await getReadDb().response.findMany({
      where: { AND: [visible, afterRow(after, ["id"])] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: PAGE,
      select: responseSelect,
    });
    return rows.map(readersText);
  });
}

/** Every vote on these claims, oldest first. */
export function claimVotePages(claimIds: string[]) {
  return pages((after: { claimId: string; userId: string; createdAt: Date } | null) =>
    getReadDb().claimVote.findMany({
      where: { AND: [{ claimId: { in: claimIds } }, afterRow(after, ["claimId", "userId"])] },
      orderBy: [{ createdAt: "asc" }, { claimId: "asc" }, { userId: "asc" }],
      take: PAGE,
      select: { claimId: true, userId: true, value: true, createdAt: true },
    }),
  );
}

/** Every vote on the responses readers see on these claims, oldest first. */
export function responseVotePages(claimIds: string[]) {
  const visible = { response: { claimId: { in: claimIds }, ...visibleResponseWhere(null) } };
  return pages((after: { responseId: string; userId: string; createdAt: Date } | null) =>
    getReadDb().responseVote.findMany({
      where: { AND: [visible, afterRow(after, ["responseId", "userId"])] },
      orderBy: [{ createdAt: "asc" }, { responseId: "asc" }, { userId: "asc" }],
      take: PAGE,
      select: { responseId: true, userId: true, value: true, createdAt: true },
    }),
  );
}
