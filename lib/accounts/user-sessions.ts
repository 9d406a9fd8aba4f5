// Server-side record of sign-ins (see the UserSession model): what makes sign-out final.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { asSessionUser, sessionUserSelect } from "./users";

/** Records a sign-in and returns its id, which the session token carries. */
export async function startUserSession(userId: string, maxAgeSeconds: number, userAgent?: string | null): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await getDb().userSession.create({
    data: { id, userId, userAgent: userAgent?.slice(0, 300) || null, expiresAt: new Date(Date.now() + maxAgeSeconds * 1000) },
  });
  return id;
}

/** The person's sessions that still work, newest first, for their settings page. */
export async function listLiveSessions(userId: string) {
  return getDb().userSession.findMany({
    where: { userId, endedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, userAgent: true, createdAt: true, expiresAt: true },
  });
}

/** Signs out one of the person's own sessions (another browser, or this one). */
export async function endOwnSession(userId: string, sessionId: string) {
  await getDb().userSession.updateMany({ where: { id: sessionId, userId, endedAt: null }, data: { endedAt: new Date() } });
}

/** "Sign out everywhere": every session of the person ends, this one included. */
export async function endAllSessions(userId: string) {
  await getDb().$transaction([
    getDb().userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date() } }),
    getDb().accountEvent.create({ data: { userId, kind: "signed_out_everywhere" } }),
  ]);
}

export async function endUserSession(id: string) {
  await getDb().userSession.updateMany({ where: { id, endedAt: null }, data: { endedAt: new Date() } });
}

/** The signed-in user of a live session, or null when the session ended, expired or belongs to someone else. */
export async function getUserOfSession(sessionId: string, userId: string) {
  const session = await getDb().userSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, endedAt: true, expiresAt: true, user: { select: sessionUserSelect } },
  });
  if (!session || session.userId !== userId || session.endedAt || session.expiresAt.getTime() <= Date.now()) return null;
  return asSessionUser(session.user);
}

/** Ended and expired sessions are kept a week (for support questions), then dropped. */
export async function pruneUserSessions(now = Date.now()) {
  const weekAgo = new Date(now - 7 * 24 * 60 * 60 * 1000);
  await getDb().userSession.deleteMany({ where: { OR: [{ endedAt: { lt: weekAgo } }, { expiresAt: { lt: weekAgo } }] } });
}
