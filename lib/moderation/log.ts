// The public moderation log: every change by a moderator, an editor or the automatic hide is written
// in the transaction of the change it records. Also: closing the reports a decision answers.
import { getDb } from "@/lib/db/client";
import { visibleClaimWhere, visibleResponseWhere } from "@/lib/debate/visibility";
import { can, type Actor } from "@/lib/policy";
import { logEntryHref, type ModerationNotice } from "./notice";
import { Target, Tx } from "./targets";

/** The entry of a reader withdrawing their own claim (lib/debate/withdraw-claim.ts): no moderator acted. */
export const WITHDRAW_CLAIM_ACTION = "withdraw_claim";

/** An entry of the public log, written in the transaction of the change it records. */
export async function log(
  tx: Tx,
  entry: { moderatorId: string | null; action: string; targetType: string; targetId: string; ruleId?: string | null; reason?: string | null },
) {
  return tx.moderationAction.create({ data: { ...entry, ruleId: entry.ruleId ?? null, reason: entry.reason ?? null }, select: { id: true } });
}

/** Closes the open reports on an item with the outcome of a decision about it. */
export async function resolveOpenReports(tx: Tx, target: Target, status: "upheld" | "dismissed", now = new Date()) {
  const key = target.type === "claim" ? { claimId: target.id } : { responseId: target.id };
  await tx.report.updateMany({ where: { ...key, status: "open" }, data: { status, resolvedAt: now } });
}

// ---------------------------------------------------------------- the log

/**
 * The public log, newest first (or one item's entries). Moderators' names are for staff; a claim or
 * response acted on is linked only when the viewer may see it now, or its placeholder where it was
 * (lib/policy/visibility.ts), so the log never hands out the address of withheld content.
 */
export async function listModerationLog(viewer: Actor | null, { item }: { item?: string } = {}) {
  const entries = await getDb().moderationAction.findMany({
    where: item ? { targetId: item } : {},
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      action: true,
      targetType: true,
      targetId: true,
      reason: true,
      createdAt: true,
      moderator: { select: { name: true } },
      rule: { select: { id: true, name: true } },
    },
  });
  const ids = (type: string) => entries.filter((entry) => entry.targetType === type).map((entry) => entry.targetId);
  const [claims, responses] = await Promise.all([
    getDb().claim.findMany({ where: { id: { in: ids("claim") }, ...visibleClaimWhere(viewer) }, select: { id: true } }),
    getDb().response.findMany({
      where: { id: { in: ids("response") }, ...visibleResponseWhere(viewer, { placeholders: true }), deletedAt: null },
      select: { id: true },
    }),
  ]);
  const links = new Map<string, string>([
    ...claims.map(({ id }): [string, string] => [`claim:${id}`, `/claims/${id}`]),
    ...responses.map(({ id }): [string, string] => [`response:${id}`, `/responses/${id}`]),
  ]);
  const withNames = can(viewer, "moderation.seeNames");
  return entries.map(({ targetId, ...entry }) => ({
    ...entry,
    link: links.get(`${entry.targetType}:${targetId}`) ?? null,
    moderator:
      entry.action === WITHDRAW_CLAIM_ACTION
        ? "Its raiser"
        : withNames
          ? (entry.moderator?.name ?? "Automatic")
          : entry.moderator
            ? "A moderator"
            : "Automatic",
  }));
}

/**
 * What stands where each of these responses was hidden or removed: the latest hide or removal's rule,
 * note and log entry (lib/moderation/notice.ts). One indexed read for a page's worth of them. The
 * note is for the author and moderators; callers drop it for anyone else.
 */
export async function moderationNotices(responses: { id: string; removed: boolean }[]): Promise<Map<string, ModerationNotice>> {
  const notices = new Map<string, ModerationNotice>();
  if (!responses.length) return notices;
  const entries = await getDb().moderationAction.findMany({
    where: { targetType: "response", targetId: { in: responses.map((response) => response.id) }, action: { in: ["hide", "remove"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, targetId: true, action: true, reason: true, rule: { select: { name: true } } },
  });
  for (const response of responses) {
    const entry = entries.find((candidate) => candidate.targetId === response.id && candidate.action === (response.removed ? "remove" : "hide"));
    notices.set(response.id, {
      removed: response.removed,
      rule: entry?.rule?.name ?? null,
      note: entry?.reason ?? null,
      logHref: entry ? logEntryHref(response.id, entry.id) : null,
    });
  }
  return notices;
}
