// What happened to an account that its owner should hear of (AccountEvent): someone signing up with
// their address, a lockout after wrong passwords. Listed on the owner's settings page.
import { getDb } from "@/lib/db/client";
import type { AccountEventKind } from "@/lib/generated/prisma/enums";
import { normaliseEmail } from "./normalise-email";

/** Records the event for the account with this email, if there is one (nothing otherwise). */
export async function recordAccountEventByEmail(email: string, kind: AccountEventKind) {
  const user = await getDb().user.findUnique({ where: { email: normaliseEmail(email) }, select: { id: true } });
  if (user) await getDb().accountEvent.create({ data: { userId: user.id, kind } });
}

export async function listAccountEvents(userId: string, take = 20) {
  return getDb().accountEvent.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take, select: { id: true, kind: true, createdAt: true } });
}
