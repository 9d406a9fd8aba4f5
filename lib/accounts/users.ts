import { getDb } from "@/lib/db/client";
import { getSettings } from "@/lib/platform/settings";
import { mustVerifyEmail } from "@/lib/policy";
import { normaliseEmail } from "./normalise-email";

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
  emailVerified: true,
  createdAt: true,
} as const;

/** What a request needs to know about its user; read fresh on every request (see lib/auth/session.ts). */
export async function getSessionUserById(id: string) {
  return getDb().user.findUnique({ where: { id }, select: sessionUserSelect });
}

type StoredUser = NonNullable<Awaited<ReturnType<typeof getSessionUserById>>>;

/** The person behind a request, with what the site's rules make of their account (lib/policy's Actor). */
export type SessionUser = StoredUser & { mustVerifyEmail?: boolean };

/** A stored user as the policy sees them: posting may wait for a confirmed address (admin setting). */
export async function asSessionUser(user: StoredUser): Promise<SessionUser> {
  if (user.emailVerified) return { ...user, mustVerifyEmail: false };
  return { ...user, mustVerifyEmail: mustVerifyEmail(user, (await getSettings()).unverifiedMayPost) };
}

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
