// A person's public profile: claims they raised and their responses the viewer may see.
import type { ResponseVoteValue } from "@/lib/vocabulary";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { responseAppearance, type Viewer } from "@/lib/policy/visibility";
import { responseStateSelect, visibleClaimWhere, visibleResponseWhere } from "./visibility";
import { can } from "@/lib/policy";
import { listNameChanges } from "@/lib/accounts/profile";

/**
 * A person's profile: the claims they raised and the responses of theirs the viewer may see, newest
 * first, and totals over those.
 */
export async function getProfile(userId: string, viewer: Viewer) {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { id: true, name: true, createdAt: true, deletedAt: true } });
  // A deleted account has no profile: one page listing the texts it left anonymously would undo that.
  if (!user || user.deletedAt) return null;
  // Their own words: a deleted response ("[deleted]") is not theirs to list any more.
  const theirs: Prisma.ResponseWhereInput = { authorId: userId, deletedAt: null, ...visibleResponseWhere(viewer) };
  const raised: Prisma.ClaimWhereInput = { raisedById: userId, ...visibleClaimWhere(viewer) };
  const [rows, count, votes, claims, claimCount] = await Promise.all([
    getDb().response.findMany({
      where: theirs,
      orderBy: { createdAt: "desc" },
      take: 100,
      select: {
        id: true,
        stance: true,
        body: true,
        createdAt: true,
        ...responseStateSelect,
        claim: { select: { id: true, text: true, article: { select: { title: true } } } },
      },
    }),
    getDb().response.count({ where: theirs }),
    getDb().responseVote.groupBy({ by: ["value"], where: { response: theirs }, _count: { _all: true } }),
    getDb().claim.findMany({
      where: raised,
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, text: true, createdAt: true, responseCount: true, article: { select: { title: true } } },
    }),
    getDb().claim.count({ where: raised }),
  ]);
  const tally = (value: ResponseVoteValue) => votes.find((row) => row.value === value)?._count._all ?? 0;
  const responses = rows.map((row) => ({
    id: row.id,
    stance: row.stance,
    body: row.body,
    createdAt: row.createdAt,
    claim: row.claim,
    replies: row.supporters + row.opposers,
    withheld: responseAppearance(row, viewer) === "withheld",
  }));
  // Moderators see earlier display names, so renaming does not shake off a report.
  const nameChanges = can(viewer, "moderation.seeNames") ? await listNameChanges(userId) : [];
  return { user, responses, claims, nameChanges, totals: { responses: count, claims: claimCount, strong: tally("strong"), weak: tally("weak") } };
}
