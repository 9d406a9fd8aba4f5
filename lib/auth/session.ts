// The current user, read from the database on every request: a JWT cannot be revoked, so sign-out, a
// ban or a role change must take effect from the database, not from the token. The token names a
// server-side session (lib/accounts/user-sessions.ts), read with its user in one query. Cached per request.
// The cookie is decoded directly (./session-token.ts), not through next-auth's getServerSession.
import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { SessionUser } from "@/lib/accounts/users";
import { getUserOfSession } from "@/lib/accounts/user-sessions";
import { isBanned } from "@/lib/policy";
import { authOptions } from "./options";
import { decodeSessionToken, sessionTokenFrom } from "./session-token";

const sessionClaims = cache(async (): Promise<{ id: string; sessionId: string } | null> => {
  const jar = (await cookies()).getAll();
  if (!jar.some((cookie) => cookie.name.includes("next-auth.session-token"))) return null;
  const options = authOptions();
  const token = sessionTokenFrom(jar, Boolean(options.useSecureCookies));
  if (!token || !options.secret) return null;
  try {
    const payload = await decodeSessionToken({ token, secret: options.secret });
    return typeof payload?.sub === "string" && typeof payload.sid === "string" ? { id: payload.sub, sessionId: payload.sid } : null;
  } catch {
    return null; // forged, from another secret, or expired: not signed in
  }
});

/** The server-side session of this request (lib/accounts/user-sessions.ts), for "this device" and re-authentication. */
export async function getCurrentSessionId(): Promise<string | null> {
  return (await getCurrentUser()) ? ((await sessionClaims())?.sessionId ?? null) : null;
}

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await sessionClaims();
  if (!claims) return null;
  const { id, sessionId } = claims;
  const user = await getUserOfSession(sessionId, id);
  if (!user || isBanned(user)) return null;
  return user;
});
