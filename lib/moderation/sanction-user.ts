// Silencing (no posting), suspending or banning a person, or lifting it; logged with the reason.
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/policy";
import { log } from "./log";
import { citedRule } from "./rules";

export const FOREVER = new Date("9999-12-31T00:00:00Z");

// ---------------------------------------------------------------- sanctions and roles

import type { SanctionKind } from "./schemas";

export async function sanctionUser({
  moderator,
  userId,
  kind,
  ruleId = null,
  note = null,
  days,
}: {
  moderator: Actor;
  userId: string;
  kind: SanctionKind;
  /** The site rule broken (lib/moderation/rules.ts); required except to lift a sanction. */
  ruleId?: string | null;
  /** For the person, beside the rule. */
  note?: string | null;
  days?: number;
}) {
  return getDb().$transaction(async (tx) => {
    const rule = await citedRule(tx, { action: kind, ruleId, note });
    // What the person is told: the rule, and the moderator's note if there is one.
    const reason = [rule?.name, note?.trim()].filter(Boolean).join(": ");
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
    if (!user) throw new AppError("not_found", "That account does not exist.");
    if (!can(moderator, "user.sanction", { userId: user.id, userRole: user.role })) {
      throw new AppError("forbidden", "You can only sanction accounts below your own role.");
    }
    const until = kind === "ban" ? FOREVER : new Date(Date.now() + Math.max(1, Math.min(days ?? 7, 3650)) * 86_400_000);
    const data =
      kind === "silence"
        ? { silencedUntil: until, silenceReason: reason }
        : kind === "lift"
          ? { silencedUntil: null, silenceReason: null, bannedUntil: null, banReason: null }
          : { bannedUntil: until, banReason: reason };
    await tx.user.update({ where: { id: userId }, data });
    await log(tx, { moderatorId: moderator.id, action: kind, targetType: "user", targetId: userId, ruleId: rule?.id ?? null, reason: note?.trim() || null });
  });
}
