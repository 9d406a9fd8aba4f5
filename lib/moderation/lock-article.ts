// Locking an article's debates (no new responses anywhere in it), or unlocking them.
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/policy";
import { log } from "./log";

export async function lockArticle({
  moderator,
  articleId,
  locked,
  reason = null,
}: {
  moderator: Actor;
  articleId: string;
  locked: boolean;
  reason?: string | null;
}) {
  if (!can(moderator, "moderation.act")) throw new AppError("forbidden", "Only moderators can do that.");
  return getDb().$transaction(async (tx) => {
    const updated = await tx.article.updateMany({ where: { id: articleId }, data: { lockedAt: locked ? new Date() : null } });
    if (!updated.count) throw new AppError("not_found", "That article does not exist.");
    await log(tx, { moderatorId: moderator.id, action: locked ? "lock" : "unlock", targetType: "article", targetId: articleId, reason });
  });
}
