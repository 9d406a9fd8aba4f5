// What moderators review (the queue) and what reporters see of their own reports.
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { responseStateSelect } from "@/lib/debate/visibility";
import { type Actor } from "@/lib/policy";
import { claimIsVisible, responseAppearance } from "@/lib/policy/visibility";

/**
 * The viewer's own reports and what became of them. What they reported is linked (and a claim quoted)
 * only while they may still see it (lib/policy/visibility.ts): a removed item is just "a response".
 */
export async function listMyReports(viewer: Actor) {
  const claimState = { hiddenAt: true, article: { select: { status: true } } } as const;
  const reports = await getDb().report.findMany({
    where: { reporterId: viewer.id },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      rule: { select: { name: true } },
      duplicateOfId: true,
      status: true,
      createdAt: true,
      resolvedAt: true,
      claim: { select: { id: true, text: true, ...claimState } },
      response: { select: { id: true, claimId: true, ...responseStateSelect, claim: { select: claimState } } },
    },
  });
  return reports.map(({ claim, response, ...report }) => ({
    ...report,
    about: response ? ("response" as const) : ("claim" as const),
    claim: claim && claimIsVisible(claim, viewer) ? { id: claim.id, text: claim.text } : null,
    response:
      response && claimIsVisible(response.claim, viewer) && responseAppearance(response, viewer) === "shown"
        ? { id: response.id, claimId: response.claimId }
        : null,
  }));
}

// ---------------------------------------------------------------- the queue

/** What the queue shows of an item's open reports: the rule each cites, the note, who, and how much it weighs. */
const openReports = {
  where: { status: "open" },
  select: { id: true, rule: { select: { name: true } }, note: true, weight: true, createdAt: true, duplicateOfId: true, reporter: { select: { name: true } } },
} satisfies Prisma.Response$reportsArgs;

export async function listQueue() {
  const db = getDb();
  const [responses, claims] = await Promise.all([
    db.response.findMany({
      where: { removedAt: null, deletedAt: null, OR: [{ hiddenAt: { not: null } }, { reports: { some: { status: "open" } } }] },
      select: {
        id: true,
        body: true,
        hiddenAt: true,
        moderationVersion: true,
        createdAt: true,
        claim: { select: { id: true, text: true } },
        author: {
          select: { id: true, name: true, role: true, createdAt: true, silencedUntil: true, bannedUntil: true, _count: { select: { responses: true } } },
        },
        reports: openReports,
      },
    }),
    db.claim.findMany({
      where: { OR: [{ hiddenAt: { not: null } }, { reports: { some: { status: "open" } } }] },
      select: {
        id: true,
        text: true,
        exact: true,
        hiddenAt: true,
        lockedAt: true,
        moderationVersion: true,
        origin: true,
        raisedBy: { select: { id: true, name: true, role: true, createdAt: true, silencedUntil: true, bannedUntil: true } },
        article: { select: { title: true, slug: true } },
        reports: openReports,
      },
    }),
  ]);
  const removedByAuthor = new Map(
    (
      await db.response.groupBy({
        by: ["authorId"],
        where: { removedAt: { not: null }, authorId: { in: responses.map((r) => r.author.id) } },
        _count: { _all: true },
      })
    ).map((row) => [row.authorId, row._count._all]),
  );
  const items = [
    ...responses.map((response) => ({ type: "response" as const, ...response, removedBefore: removedByAuthor.get(response.author.id) ?? 0 })),
    ...claims.map((claim) => ({ type: "claim" as const, ...claim })),
  ].map((item) => ({ ...item, score: item.reports.reduce((sum, report) => sum + report.weight, 0) }));
  // Hidden items first (readers cannot see them until someone decides), then by report weight.
  return items.sort((a, b) => Number(Boolean(b.hiddenAt)) - Number(Boolean(a.hiddenAt)) || b.score - a.score);
}
