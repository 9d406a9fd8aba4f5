// The site's rules (issue 31, decision 007): the one list reports point to and every moderation action
// cites, so the author, the reporter and the public log all read the same words. Admins edit it in
// /admin; a rule is retired rather than deleted, so the reports and log entries that cite it keep it.
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/policy";
import { log } from "./log";
import { RULE_CITING_ACTIONS, type retireRuleSchema, type siteRuleSchema } from "./schemas";
import type { z } from "zod";

export interface SiteRuleView {
  id: string;
  name: string;
  text: string;
  needsNote: boolean;
  retired: boolean;
}

const ruleSelect = { id: true, name: true, text: true, needsNote: true, retiredAt: true } satisfies Prisma.SiteRuleSelect;

function toView(rule: Prisma.SiteRuleGetPayload<{ select: typeof ruleSelect }>): SiteRuleView {
  return { id: rule.id, name: rule.name, text: rule.text, needsNote: rule.needsNote, retired: rule.retiredAt !== null };
}

/** The rules in force, in the admins' order (retired ones too, for the admin's editor). */
export async function listSiteRules({ withRetired = false }: { withRetired?: boolean } = {}): Promise<SiteRuleView[]> {
  const rules = await getDb().siteRule.findMany({
    where: withRetired ? {} : { retiredAt: null },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: ruleSelect,
  });
  return rules.map(toView);
}

/**
 * The rule an action or a report cites, checked inside the caller's transaction: it must exist and be
 * in force, and a rule such as "Other" needs the note to say more. Actions that change nothing for
 * anyone (restore, unlock, lift, …) may cite none.
 */
export async function citedRule(
  tx: Pick<Prisma.TransactionClient, "siteRule">,
  { action, ruleId, note }: { action: string; ruleId: string | null | undefined; note: string | null | undefined },
): Promise<SiteRuleView | null> {
  if (!ruleId) {
    if (RULE_CITING_ACTIONS.includes(action)) throw new AppError("invalid_request", "Choose the rule it breaks: every moderation action cites one.");
    return null;
  }
  const rule = await tx.siteRule.findUnique({ where: { id: ruleId }, select: ruleSelect });
  if (!rule || rule.retiredAt) throw new AppError("invalid_request", "That rule is not one of the site's rules any more. Choose another.");
  if (rule.needsNote && !note?.trim()) throw new AppError("invalid_request", `Say what is wrong: a note is required for “${rule.name}”.`);
  return toView(rule);
}

/** Adds a rule at the end of the list, or changes one (its name, its text, whether it needs a note). */
export async function saveSiteRule(admin: Actor, input: z.infer<typeof siteRuleSchema>): Promise<SiteRuleView> {
  if (!can(admin, "rules.manage")) throw new AppError("forbidden", "Only admins can change the site's rules.");
  return getDb().$transaction(async (tx) => {
    const clash = await tx.siteRule.findFirst({ where: { name: { equals: input.name, mode: "insensitive" }, ...(input.id ? { id: { not: input.id } } : {}) } });
    if (clash) throw new AppError("conflict", `There is already a rule called “${clash.name}”.`);
    const data = { name: input.name, text: input.text, needsNote: input.needsNote };
    let rule;
    if (input.id) {
      const updated = await tx.siteRule.updateMany({ where: { id: input.id }, data });
      if (!updated.count) throw new AppError("not_found", "That rule does not exist.");
      rule = await tx.siteRule.findUniqueOrThrow({ where: { id: input.id }, select: ruleSelect });
    } else {
      const last = await tx.siteRule.aggregate({ _max: { position: true } });
      rule = await tx.siteRule.create({ data: { ...data, position: (last._max.position ?? 0) + 1 }, select: ruleSelect });
    }
    await log(tx, { moderatorId: admin.id, action: input.id ? "rule_changed" : "rule_added", targetType: "rule", targetId: rule.id, ruleId: rule.id });
    return toView(rule);
  });
}

/** Retires a rule (no longer offered; kept where it was cited) or brings it back. */
export async function retireSiteRule(admin: Actor, { id, retired }: z.infer<typeof retireRuleSchema>) {
  if (!can(admin, "rules.manage")) throw new AppError("forbidden", "Only admins can change the site's rules.");
  return getDb().$transaction(async (tx) => {
    if (retired && (await tx.siteRule.count({ where: { retiredAt: null, id: { not: id } } })) === 0) {
      throw new AppError("conflict", "Keep at least one rule: every moderation action must cite one.");
    }
    const updated = await tx.siteRule.updateMany({ where: { id }, data: { retiredAt: retired ? new Date() : null } });
    if (!updated.count) throw new AppError("not_found", "That rule does not exist.");
    await log(tx, { moderatorId: admin.id, action: retired ? "rule_retired" : "rule_restored", targetType: "rule", targetId: id, ruleId: id });
  });
}
