// A moderator's decision on a claim or a response (dismiss, hide, restore, remove, lock, duplicate, edit
// the claim's wording). It names the version of the item the moderator saw, so two moderators acting
// at once cannot both succeed; each decision is one transaction with its log entry.
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { announce } from "@/lib/live/publish";
import { can, type Actor } from "@/lib/policy";
import { log, resolveOpenReports } from "./log";
import { checkNotOwnCase, SOLE_MODERATOR_NOTE } from "./recusal";
import { citedRule } from "./rules";
import { notifyAuthorOfWithholding } from "./notify-author";
import { Target, loadTarget } from "./targets";

// ---------------------------------------------------------------- moderators' actions

import type { ModerationActionName } from "./schemas";

export interface Moderation {
  moderator: Actor;
  target: Target;
  action: ModerationActionName;
  /** The item's moderationVersion the moderator saw. */
  version: number;
  /** The site rule the decision applies (lib/moderation/rules.ts); required for dismiss, hide, remove and lock. */
  ruleId?: string | null;
  /** For the author (and the public log). */
  note?: string | null;
  duplicateOfId?: string | null;
  text?: string | null;
  /** The moderator confirmed being the site's only moderator, to decide about their own content. */
  soleModeratorConfirmed?: boolean;
}

export async function moderate({
  moderator,
  target,
  action,
  version,
  ruleId = null,
  note = null,
  duplicateOfId = null,
  text = null,
  soleModeratorConfirmed = false,
}: Moderation) {
  if (!can(moderator, "moderation.act")) throw new AppError("forbidden", "Only moderators can do that.");
  if ((action === "duplicate" || action === "edit_claim" || action === "lock" || action === "unlock") && target.type !== "claim") {
    throw new AppError("invalid_request", "That action applies to claims only.");
  }
  return getDb().$transaction(async (tx) => {
    const rule = await citedRule(tx, { action, ruleId, note });
    const item = await loadTarget(tx, target);
    const { ownCase } = await checkNotOwnCase(tx, moderator, item.authorId, soleModeratorConfirmed);
    if (item.removedAt && action !== "restore") throw new AppError("conflict", "That item was removed; restore it first.");
    const now = new Date();
    const changes: Record<string, unknown> = {};
    let reportStatus: "upheld" | "dismissed" | null = null;
    switch (action) {
      case "dismiss":
        changes.hiddenAt = null;
        reportStatus = "dismissed";
        break;
      case "hide":
        changes.hiddenAt = now;
        break;
      case "restore":
        Object.assign(changes, { hiddenAt: null }, target.type === "response" ? { removedAt: null, removalReason: null } : {});
        reportStatus = "dismissed";
        break;
      case "remove":
        if (target.type === "response") Object.assign(changes, { removedAt: now, removalReason: [rule!.name, note?.trim()].filter(Boolean).join(": ") });
        else changes.hiddenAt = now;
        reportStatus = "upheld";
        break;
      case "lock":
        changes.lockedAt = now;
        break;
      case "unlock":
        changes.lockedAt = null;
        break;
      case "duplicate":
        if (!duplicateOfId || duplicateOfId === target.id || !(await tx.claim.findUnique({ where: { id: duplicateOfId }, select: { id: true } }))) {
          throw new AppError("invalid_request", "Give an existing, different claim as the original.");
        }
        changes.duplicateOfId = duplicateOfId;
        reportStatus = "upheld";
        break;
      case "edit_claim":
        if (!text?.trim() || text.trim().length < 10) throw new AppError("invalid_request", "A claim needs at least 10 characters.");
        changes.text = text.trim();
        break;
    }
    const where = { id: target.id, moderationVersion: version };
    const data = { ...changes, moderationVersion: { increment: 1 } };
    const updated = target.type === "claim" ? await tx.claim.updateMany({ where, data }) : await tx.response.updateMany({ where, data });
    if (updated.count !== 1) throw new AppError("conflict", "Already handled: another moderator acted on this item first. Reload to see what they did.");
    if (reportStatus) await resolveOpenReports(tx, target, reportStatus, now);
    if (target.type === "response" && (action === "hide" || action === "remove") && item.authorId) {
      await notifyAuthorOfWithholding(tx, { responseId: target.id, authorId: item.authorId, actorId: moderator.id });
    }
    await log(tx, {
      moderatorId: moderator.id,
      action,
      targetType: target.type,
      targetId: target.id,
      ruleId: rule?.id ?? null,
      reason:
        [note?.trim() || (duplicateOfId ? `Duplicate of claim ${duplicateOfId}` : null), ownCase ? SOLE_MODERATOR_NOTE : null].filter(Boolean).join(" ") ||
        null,
    });
    await announce(tx, {
      type: target.type === "claim" ? "claim" : "response",
      claimId: item.claimId,
      articleId: item.articleId,
      responseId: target.type === "response" ? target.id : undefined,
    });
  });
}
