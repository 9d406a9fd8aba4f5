// Single-use links mailed to people: password reset, email verification, email change. The token is 32
// random bytes in the link; the database keeps only its SHA-256, so a copy of the database cannot be
// used to take over accounts. A token is used once, inside the transaction that acts on it.
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmailTokenPurpose } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { getDb } from "@/lib/db/client";

type Tx = Prisma.TransactionClient;

const HOUR = 60 * 60 * 1000;

/** How long each kind of link works. */
export const TOKEN_LIFETIME_MS: Record<EmailTokenPurpose, number> = {
  password_reset: HOUR,
  verify_email: 7 * 24 * HOUR,
  change_email: 24 * HOUR,
};

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Makes a token for `userId` and returns it (the only time it exists outside a mail). */
export async function issueEmailToken(tx: Tx, input: { userId: string; purpose: EmailTokenPurpose; email: string }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.emailToken.create({
    data: { ...input, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[input.purpose]) },
  });
  return token;
}

/** Drops a token whose mail could not be sent, so an unsent link never stays usable. */
export async function withdrawEmailToken(tx: Pick<Tx, "emailToken">, token: string) {
  await tx.emailToken.deleteMany({ where: { tokenHash: hashToken(token) } });
}

const WHY_NOT: Record<"unknown" | "used" | "expired", string> = {
  unknown: "This link is not valid. It may have been mistyped or cut off: open it from the mail again, or ask for a new one.",
  used: "This link has already been used. Ask for a new one if you still need it.",
  expired: "This link has expired. Ask for a new one.",
};

/** Whether a link still works, without using it (the page that shows the form asks this). */
export async function checkEmailToken(tx: Pick<Tx, "emailToken">, token: string, purposes: EmailTokenPurpose[]) {
  const row = await tx.emailToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || !purposes.includes(row.purpose)) return { ok: false as const, message: WHY_NOT.unknown };
  if (row.usedAt) return { ok: false as const, message: WHY_NOT.used };
  if (row.expiresAt.getTime() <= Date.now()) return { ok: false as const, message: WHY_NOT.expired };
  return { ok: true as const, token: row };
}

/**
 * Uses a token: locks its row, checks it is of this purpose, unused and unexpired, and marks it used.
 * Throws an AppError with words for the person otherwise (the caller's transaction then changes nothing).
 */
export async function useEmailToken(tx: Tx, token: string, purposes: EmailTokenPurpose[]) {
  const hash = hashToken(token);
  // Locked, so two tabs submitting the same link at once cannot both use it.
  await tx.$queryRaw`select id from "EmailToken" where "tokenHash" = ${hash} for update`;
  const checked = await checkEmailToken(tx, token, purposes);
  if (!checked.ok) throw new AppError("invalid_request", checked.message);
  await tx.emailToken.update({ where: { id: checked.token.id }, data: { usedAt: new Date() } });
  return checked.token;
}

/** Used and expired links are kept a day (to tell "already used" from "not valid"), then dropped. */
export async function pruneEmailTokens(db: Pick<Tx, "emailToken"> = getDb(), now = Date.now()) {
  await db.emailToken.deleteMany({ where: { expiresAt: { lt: new Date(now - 24 * HOUR) } } });
}
