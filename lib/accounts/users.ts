import { getDb } from "@/lib/db/client";
import { normaliseEmail } from "./create-user";

export const sessionUserSelect = {
  id: true,
  name: true,
  email: true,
  image: true,
  role: true,
  bannedUntil: true,
  banReason: true,
  silencedUntil: true,
  silenceReason: true,
  createdAt: true,
} as const;

/** What a request needs to know about its user; read fresh on every request (see lib/auth/session.ts). */
export async function getSessionUserById(id: string) {
  return getDb().user.findUnique({ where: { id }, select: sessionUserSelect });
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUserById>>>;

export async function getCredentialsByEmail(email: string) {
  return getDb().user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { ...sessionUserSelect, passwordHash: true },
  });
}

export async function listUsersForAdmin() {
  return getDb().user.findMany({ orderBy: { createdAt: "asc" }, take: 500, select: { id: true, name: true, email: true, role: true } });
}

export async function getUserIdByEmail(email: string) {
  return (await getDb().user.findUnique({ where: { email: normaliseEmail(email) }, select: { id: true } }))?.id ?? null;
}
