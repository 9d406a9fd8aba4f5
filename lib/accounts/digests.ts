// Digests: what happened on the claims and threads a person follows (and, if they chose it, replies to
// their own responses) since their last digest. The job queue's hourly `schedule_digests` finds who is
// due and queues one mail each (lib/mail/send-mail.ts builds it from digestItems).
import { getDb } from "@/lib/db/client";
import type { DigestFrequency, MailTiming } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { visibleClaimWhere, visibleResponseWhere } from "@/lib/debate/visibility";

const HOUR = 60 * 60 * 1000;
export const DIGEST_PERIOD_MS: Record<Exclude<DigestFrequency, "off">, number> = { daily: 24 * HOUR, weekly: 7 * 24 * HOUR };
/** A digest is due a little before its period is over, so an hourly schedule does not drift later each day. */
const EARLY_MS = 30 * 60 * 1000;
/** Most responses one digest lists; the rest are counted. */
export const DIGEST_ITEMS = 30;

export interface DigestItem {
  id: string;
  author: string;
  stance: "support" | "oppose";
  body: string;
  /** The claim or response it answers. */
  about: string;
  replyToYou: boolean;
}

/** The responses a digest for `user` lists, from `from` up to (not including) `until`, oldest first. */
export async function digestItems(
  user: { id: string; followMail: boolean; replyMail: MailTiming },
  from: Date,
  until: Date,
): Promise<{ items: DigestItem[]; more: number }> {
  const userId = user.id;
  const answersMe: Prisma.ResponseWhereInput = { parent: { authorId: userId } };
  const wanted: Prisma.ResponseWhereInput[] = [];
  if (user.followMail) {
    // Replies to the person's own responses are theirs to choose separately (at once, in here, or never).
    wanted.push({ NOT: answersMe, OR: [{ claim: { follows: { some: { userId } } } }, { parent: { follows: { some: { userId } } } }] });
  }
  if (user.replyMail === "digest") wanted.push(answersMe);
  if (wanted.length === 0) return { items: [], more: 0 };
  const where: Prisma.ResponseWhereInput = {
    AND: [visibleResponseWhere(null), { deletedAt: null, claim: visibleClaimWhere(null) }, { OR: wanted }],
    createdAt: { gte: from, lt: until },
    authorId: { not: userId },
  };
  const [rows, total] = await Promise.all([
    getDb().response.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: DIGEST_ITEMS,
      select: {
        id: true,
        stance: true,
        body: true,
        author: { select: { name: true } },
        claim: { select: { text: true } },
        parent: { select: { body: true, authorId: true } },
      },
    }),
    getDb().response.count({ where }),
  ]);
  const items = rows.map((row) => ({
    id: row.id,
    author: row.author.name,
    stance: row.stance,
    body: row.body,
    about: row.parent?.body ?? row.claim.text,
    replyToYou: row.parent?.authorId === userId,
  }));
  return { items, more: total - items.length };
}

/**
 * Queues the digests that are due at `now`: one job per person, keyed so that a repeated run queues
 * nothing twice, and the covered period moves on in the same transaction. Returns how many it queued.
 */
export async function scheduleDueDigests(now = new Date(), batch = 200): Promise<number> {
  let queued = 0;
  for (const frequency of ["daily", "weekly"] as const) {
    const period = DIGEST_PERIOD_MS[frequency];
    const dueBefore = new Date(now.getTime() - period + EARLY_MS);
    for (;;) {
      const due = await getDb().user.findMany({
        where: {
          digest: frequency,
          emailVerified: { not: null },
          deletedAt: null,
          mailUndeliverableAt: null,
          // The first digest comes a period after sign-up; later ones a period after the last.
          OR: [{ digestCoveredUntil: null, createdAt: { lte: dueBefore } }, { digestCoveredUntil: { lte: dueBefore } }],
        },
        select: { id: true, createdAt: true, digestCoveredUntil: true },
        take: batch,
      });
      if (due.length === 0) break;
      for (const user of due) {
        // One period at most: someone who turns the digest back on after months gets this week, not the year.
        const from = new Date(Math.max((user.digestCoveredUntil ?? user.createdAt).getTime(), now.getTime() - period));
        await getDb().$transaction(async (tx) => {
          await enqueueJob(
            tx,
            "send_mail",
            { kind: "digest", userId: user.id, from: from.toISOString(), until: now.toISOString() },
            { jobKey: `digest:${user.id}:${now.toISOString()}` },
          );
          await tx.user.update({ where: { id: user.id }, data: { digestCoveredUntil: now } });
        });
        queued += 1;
      }
      if (due.length < batch) break;
    }
  }
  return queued;
}
