// The current user, read from the database on every request: a JWT cannot be revoked, so sign-out, a
// ban or a role change must take effect from the database, not from the token. The token names a
// server-side session (lib/data/user-sessions.ts), read with its user in one query. Cached per request.
import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import type { SessionUser } from "@/lib/data/get-user";
import { getUserOfSession } from "@/lib/data/user-sessions";
import { isBanned } from "@/lib/policy";
import { authOptions } from "./options";

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  const sessionId = (session as { sid?: unknown } | null)?.sid;
  if (!id || typeof sessionId !== "string") return null;
  const user = await getUserOfSession(sessionId, id);
  if (!user || isBanned(user)) return null;
  return user;
});
