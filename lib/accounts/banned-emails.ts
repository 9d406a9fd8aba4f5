// A banned person who deletes their account leaves only a hash of their address (BannedEmail), so they
// cannot sign up again with it while the ban lasts; nothing else about them is kept.
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normaliseEmail } from "./normalise-email";

type Tx = Pick<Prisma.TransactionClient, "bannedEmail">;

export const emailHash = (email: string) =>
  createHash("sha256")
    .update(`arguably-banned:${normaliseEmail(email)}`)
    .digest("hex");

export async function isEmailBanned(tx: Tx, email: string, now = new Date()): Promise<boolean> {
  const row = await tx.bannedEmail.findUnique({ where: { emailHash: emailHash(email) }, select: { until: true } });
  return row !== null && row.until > now;
}

export async function rememberBannedEmail(tx: Tx, input: { email: string; until: Date; reason: string | null }) {
  const hash = emailHash(input.email);
  await tx.bannedEmail.upsert({
    where: { emailHash: hash },
    create: { emailHash: hash, until: input.until, reason: input.reason },
    update: { until: input.until, reason: input.reason },
  });
}
