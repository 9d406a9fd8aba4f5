// The current user, read from the database on every request: a JWT cannot be revoked, so a ban or a
// role change must take effect from the database, not from the token. Cached per request by React.
import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getSessionUserById, type SessionUser } from "@/lib/data/get-user";
import { isBanned } from "@/lib/policy";
import { authOptions } from "./options";

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await getSessionUserById(id);
  if (!user || isBanned(user)) return null;
  return user;
});
