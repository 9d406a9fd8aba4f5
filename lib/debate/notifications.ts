// A person's notifications (replies to what they follow, votes on their responses, and a moderator's
// decision to hide or remove one of their responses, with the rule and the note).
import { getDb } from "@/lib/db/client";
import { type Actor } from "@/lib/policy";
import { moderationNotices } from "@/lib/moderation/log";
import { visibleResponseWhere } from "./visibility";

/** The viewer's notifications about responses they may still see (one gone from view goes from here too). */
export async function listNotifications(viewer: Actor) {
  const rows = await getDb().notification.findMany({
    where: { userId: viewer.id, response: visibleResponseWhere(viewer) },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      kind: true,
      createdAt: true,
      readAt: true,
      actor: { select: { name: true } },
      response: { select: { id: true, claimId: true, body: true, deletedAt: true, removedAt: true } },
    },
  });
  // A moderation notice says what the decision cited: the latest hide or removal (the author may read the note).
  const moderated = rows.filter((row) => row.kind === "moderation").map((row) => ({ id: row.response.id, removed: row.response.removedAt !== null }));
  const notices = await moderationNotices(moderated);
  return rows.map(({ actor, ...row }) => ({
    ...row,
    // Moderators act as "a moderator" to everyone but staff, the author included (as in the public log).
    actorName: row.kind === "moderation" ? (actor ? "A moderator" : "Automatic review") : (actor?.name ?? "Someone"),
    moderation: row.kind === "moderation" ? (notices.get(row.response.id) ?? null) : null,
    response: { ...row.response, body: row.response.deletedAt ? "" : row.response.body },
  }));
}

export async function countUnreadNotifications(viewer: Actor) {
  return getDb().notification.count({ where: { userId: viewer.id, readAt: null, response: visibleResponseWhere(viewer) } });
}

export async function markNotificationsRead(userId: string) {
  await getDb().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
