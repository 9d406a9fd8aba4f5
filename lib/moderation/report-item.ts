// A reader reports a claim or a response, under the reports-per-day limit. Enough weight of open
// reports hides the item pending review (the admins' autoHideWeight).
import { getDb } from "@/lib/db/client";
import { claimVisibleTo, responseArguesForReaders } from "@/lib/debate/visibility";
import { AppError } from "@/lib/errors";
import { announce } from "@/lib/live/publish";
import { enforceRateLimit } from "@/lib/platform/rate-limit";
import { getSettings, SETTING_DEFAULTS } from "@/lib/platform/settings";
import { can, type Actor } from "@/lib/policy";
import { log } from "./log";
import { citedRule } from "./rules";
import { notifyAuthorOfWithholding } from "./notify-author";
import type { ReportInput } from "./schemas";
import { Target, Tx, loadTarget } from "./targets";

/** A claim readers see, or a response readers see with its text (lib/policy/visibility.ts). */
export async function reportable(tx: Tx, target: Target) {
  return target.type === "claim" ? claimVisibleTo(target.id, null, tx) : responseArguesForReaders(target.id, tx);
}

type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

const DAY = 24 * 60 * 60 * 1000;

/** Records `reporter`'s report; hides the item pending review once its open reports weigh enough. */
export async function reportItem(
  reporter: Actor,
  { target, ruleId = null, note = null, duplicateOfId = null }: Optional<ReportInput, "note" | "duplicateOfId" | "ruleId">,
) {
  if (!ruleId && !duplicateOfId) throw new AppError("invalid_request", "Choose the rule it breaks.");
  if (duplicateOfId && target.type !== "claim") throw new AppError("invalid_request", "Only a claim can repeat another claim.");
  await enforceRateLimit(`report:user:${reporter.id}`, { limit: (await getSettings()).reportsPerDay, windowMs: DAY }, "reporting");
  return getDb().$transaction(async (tx) => {
    // Only what readers see can be reported; anything else is "does not exist", like a missing id.
    if (!(await reportable(tx, target))) throw new AppError("not_found", `That ${target.type} does not exist.`);
    const rule = ruleId ? await citedRule(tx, { action: "report", ruleId, note }) : null;
    const item = await loadTarget(tx, target);
    if (!can(reporter, "report", { authorId: item.authorId ?? undefined })) throw new AppError("forbidden", "You cannot report your own contribution.");
    if (duplicateOfId && !(await tx.claim.findUnique({ where: { id: duplicateOfId }, select: { id: true } }))) {
      throw new AppError("invalid_request", "The claim it duplicates does not exist.");
    }
    const key = target.type === "claim" ? { claimId: target.id } : { responseId: target.id };
    if (await tx.report.findFirst({ where: { reporterId: reporter.id, ...key }, select: { id: true } })) {
      throw new AppError("conflict", "You have already reported this. You can follow its status on your reports page.");
    }
    // Reporters whose reports moderators upheld count for more, up to double.
    const upheld = await tx.report.count({ where: { reporterId: reporter.id, status: "upheld" } });
    const weight = 1 + Math.min(upheld, 4) * 0.25;
    await tx.report.create({ data: { reporterId: reporter.id, ...key, ruleId: rule?.id ?? null, note: note?.trim() || null, duplicateOfId, weight } });
    const total = await tx.report.aggregate({ where: { ...key, status: "open" }, _sum: { weight: true } });
    const threshold = (await tx.setting.findUnique({ where: { key: "autoHideWeight" }, select: { value: true } }))?.value ?? SETTING_DEFAULTS.autoHideWeight;
    if (!item.hiddenAt && (total._sum.weight ?? 0) >= threshold) {
      const now = new Date();
      if (target.type === "claim") await tx.claim.update({ where: { id: target.id }, data: { hiddenAt: now, moderationVersion: { increment: 1 } } });
      else await tx.response.update({ where: { id: target.id }, data: { hiddenAt: now, moderationVersion: { increment: 1 } } });
      await log(tx, {
        moderatorId: null,
        action: "hide",
        targetType: target.type,
        targetId: target.id,
        ruleId: await weightiestRule(tx, key),
        reason: "Hidden automatically after several reports, pending review.",
      });
      if (target.type === "response" && item.authorId) await notifyAuthorOfWithholding(tx, { responseId: target.id, authorId: item.authorId, actorId: null });
      await announce(tx, {
        type: target.type === "claim" ? "claim" : "response",
        claimId: item.claimId,
        articleId: item.articleId,
        responseId: target.type === "response" ? target.id : undefined,
      });
    }
  });
}

/** The rule the open reports on an item cite with the most weight (none when all say "repeats a claim"). */
async function weightiestRule(tx: Tx, key: { claimId: string } | { responseId: string }) {
  const byRule = await tx.report.groupBy({ by: ["ruleId"], where: { ...key, status: "open", ruleId: { not: null } }, _sum: { weight: true } });
  byRule.sort((a, b) => (b._sum.weight ?? 0) - (a._sum.weight ?? 0));
  return byRule[0]?.ruleId ?? null;
}
