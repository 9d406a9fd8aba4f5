// A person's notifications (replies to what they follow, votes on their responses).
import { getDb } from "@/lib/db/client";
import { type Actor } from "@/lib/policy";
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
      response: { select: { id: true, claimId: true, body: true, deletedAt: true } },
    },
  });
  return rows.map((row) => ({ ...row, response: { ...row.response, body: row.response.deletedAt ? "" : row.response.body } }));
}

export async function countUnreadNotifications(viewer: Actor) {
  return getDb().notification.count({ where: { userId: viewer.id, readAt: null, response: visibleResponseWhere(viewer) } });
}

export async function markNotificationsRead(userId: string) {
  await getDb().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
