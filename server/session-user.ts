// The signed-in person of a request at the edge, as lib/auth/session.ts reads them inside Next.js: the
// session cookie's claims (./session.ts), then the same getUserOfSession, so that a revoked session, a
// ban or a role change counts at once. For the edge endpoints that call the app's own commands
// (decision 022); the claim vote reads its voter in one statement of its own (decision 013).
import type { IncomingHttpHeaders } from "node:http";
import type { SessionUser } from "@/lib/accounts/users";
import { getUserOfSession } from "@/lib/accounts/user-sessions";
import { isBanned } from "@/lib/policy";
import { sessionClaimsOf, type SessionSecrets } from "./session";

export async function sessionUserOf(
  headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>,
  session: SessionSecrets,
): Promise<SessionUser | null> {
  const claims = await sessionClaimsOf(headers, session);
  const user = claims ? await getUserOfSession(claims.sessionId, claims.userId) : null;
  return user && !isBanned(user) ? user : null;
}
