// Locking an article's debates (no new responses anywhere in it), or unlocking them.
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/policy";
import { log } from "./log";
import { citedRule } from "./rules";

export async function lockArticle({
  moderator,
  articleId,
  locked,
  ruleId = null,
  note = null,
}: {
  moderator: Actor;
  articleId: string;
  locked: boolean;
  /** Required to lock (lib/moderation/rules.ts); unlocking cites none. */
  ruleId?: string | null;
  note?: string | null;
}) {
  if (!can(moderator, "moderation.act")) throw new AppError("forbidden", "Only moderators can do that.");
  return getDb().$transaction(async (tx) => {
    const rule = await citedRule(tx, { action: locked ? "lock" : "unlock", ruleId, note });
    const updated = await tx.article.updateMany({ where: { id: articleId }, data: { lockedAt: locked ? new Date() : null } });
    if (!updated.count) throw new AppError("not_found", "That article does not exist.");
    await log(tx, {
      moderatorId: moderator.id,
      action: locked ? "lock" : "unlock",
      targetType: "article",
      targetId: articleId,
      ruleId: rule?.id ?? null,
      reason: note?.trim() || null,
    });
  });
}
