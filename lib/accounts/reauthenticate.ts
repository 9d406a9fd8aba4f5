// Before a change that would let someone who found a signed-in browser take the account over or
// destroy it (email change, deletion), the person proves who they are again: their password, or, for
// accounts that sign in only through GitHub or Google, a sign-in in the last few minutes.
import { getDb } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { limitAccountChanges } from "./change-limit";

export const RECENT_SIGN_IN_MS = 10 * 60 * 1000;

/** Throws unless the person proved who they are. Counted before the check, so a stolen session cannot guess the password. */
export async function confirmIdentity(input: { userId: string; sessionId: string | null; password?: string }) {
  await limitAccountChanges(input.userId, "reauthenticate");
  const user = await getDb().user.findUniqueOrThrow({ where: { id: input.userId }, select: { passwordHash: true } });
  if (user.passwordHash) {
    if (!input.password) throw new AppError("invalid_request", "Enter your current password.");
    if (!(await verifyPassword(user.passwordHash, input.password))) throw new AppError("forbidden", "That is not your current password.");
    return;
  }
  const session = input.sessionId ? await getDb().userSession.findUnique({ where: { id: input.sessionId }, select: { createdAt: true } }) : null;
  if (!session || Date.now() - session.createdAt.getTime() > RECENT_SIGN_IN_MS) {
    throw new AppError("forbidden", "For your safety, sign out and sign in again, then do this within 10 minutes.");
  }
}
