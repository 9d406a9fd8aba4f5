// Reports, the review queue, moderators' actions, sanctions and the append-only moderation log.
// Each change is one transaction that also writes its log entry; a moderator's action names the version
// of the item they saw, so two moderators acting at once cannot both succeed.
import { getDb } from "@/lib/db/client";
import { UserFacingError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportReason, Role } from "@/lib/generated/prisma/enums";
import { announce } from "@/lib/live/publish";
import { can, type Actor } from "@/lib/policy";
import { claimIsVisible, responseAppearance } from "@/lib/policy/visibility";
import { SETTING_DEFAULTS } from "@/lib/platform/settings";
import { claimVisibleTo, responseArguesForReaders, responseStateSelect, visibleClaimWhere, visibleResponseWhere } from "@/lib/debate/visibility";

type Tx = Prisma.TransactionClient;

const FOREVER = new Date("9999-12-31T00:00:00Z");

export type TargetType = "claim" | "response";

export interface Target {
  type: TargetType;
  id: string;
}

/** An entry of the public log, written in the transaction of the change it records. */
export async function log(tx: Tx, entry: { moderatorId: string | null; action: string; targetType: string; targetId: string; reason?: string | null }) {
  await tx.moderationAction.create({ data: { ...entry, reason: entry.reason ?? null } });
}

/** Closes the open reports on an item with the outcome of a decision about it. */
export async function resolveOpenReports(tx: Tx, target: Target, status: "upheld" | "dismissed", now = new Date()) {
  const key = target.type === "claim" ? { claimId: target.id } : { responseId: target.id };
  await tx.report.updateMany({ where: { ...key, status: "open" }, data: { status, resolvedAt: now } });
}

async function loadTarget(tx: Tx, target: Target) {
  if (target.type === "response") {
    const response = await tx.response.findUnique({
      where: { id: target.id },
      select: { id: true, authorId: true, claimId: true, hiddenAt: true, removedAt: true, deletedAt: true, moderationVersion: true, claim: { select: { articleId: true } } },
    });
    if (!response) throw new UserFacingError("That response does not exist.", 404);
    return { ...response, articleId: response.claim.articleId };
  }
  const claim = await tx.claim.findUnique({ where: { id: target.id }, select: { id: true, articleId: true, hiddenAt: true, moderationVersion: true, raisedById: true } });
  if (!claim) throw new UserFacingError("That claim does not exist.", 404);
  // A claim a reader raised is theirs, like a response: they cannot report it.
  return { ...claim, claimId: claim.id, authorId: claim.raisedById, removedAt: null as Date | null, deletedAt: null as Date | null };
}

// ---------------------------------------------------------------- reports

/** A claim readers see, or a response readers see with its text (lib/policy/visibility.ts). */
async function reportable(tx: Tx, target: Target) {
  return target.type === "claim" ? claimVisibleTo(target.id, null, tx) : responseArguesForReaders(target.id, tx);
}

export interface NewReport {
  reporter: Actor;
  target: Target;
  reason: ReportReason;
  note?: string | null;
  duplicateOfId?: string | null;
}

/** Records a report; hides the item pending review once its open reports weigh enough. */
export async function reportItem({ reporter, target, reason, note = null, duplicateOfId = null }: NewReport) {
  if (reason === "other" && !note?.trim()) throw new UserFacingError("Say what is wrong: a note is required for “other”.", 400);
  if (reason === "duplicate" && !duplicateOfId) throw new UserFacingError("Give the claim this one duplicates.", 400);
  return getDb().$transaction(async (tx) => {
    // Only what readers see can be reported; anything else is "does not exist", like a missing id.
    if (!(await reportable(tx, target))) throw new UserFacingError(`That ${target.type} does not exist.`, 404);
    const item = await loadTarget(tx, target);
    if (!can(reporter, "report", { authorId: item.authorId ?? undefined })) throw new UserFacingError("You cannot report your own contribution.", 403);
    if (duplicateOfId && !(await tx.claim.findUnique({ where: { id: duplicateOfId }, select: { id: true } }))) {
      throw new UserFacingError("The claim it duplicates does not exist.", 400);
    }
    const key = target.type === "claim" ? { claimId: target.id } : { responseId: target.id };
    if (await tx.report.findFirst({ where: { reporterId: reporter.id, ...key }, select: { id: true } })) {
      throw new UserFacingError("You have already reported this. You can follow its status on your reports page.", 409);
    }
    // Reporters whose reports moderators upheld count for more, up to double.
    const upheld = await tx.report.count({ where: { reporterId: reporter.id, status: "upheld" } });
    const weight = 1 + Math.min(upheld, 4) * 0.25;
    await tx.report.create({ data: { reporterId: reporter.id, ...key, reason, note: note?.trim() || null, duplicateOfId, weight } });
    const total = await tx.report.aggregate({ where: { ...key, status: "open" }, _sum: { weight: true } });
    const threshold = (await tx.setting.findUnique({ where: { key: "autoHideWeight" }, select: { value: true } }))?.value ?? SETTING_DEFAULTS.autoHideWeight;
    if (!item.hiddenAt && (total._sum.weight ?? 0) >= threshold) {
      const now = new Date();
      if (target.type === "claim") await tx.claim.update({ where: { id: target.id }, data: { hiddenAt: now, moderationVersion: { increment: 1 } } });
      else await tx.response.update({ where: { id: target.id }, data: { hiddenAt: now, moderationVersion: { increment: 1 } } });
      await log(tx, { moderatorId: null, action: "hide", targetType: target.type, targetId: target.id, reason: "Hidden automatically after several reports, pending review." });
      await announce(tx, { type: "response", claimId: item.claimId, articleId: item.articleId });
    }
  });
}

/**
 * The viewer's own reports and what became of them. What they reported is linked (and a claim quoted)
 * only while they may still see it (lib/policy/visibility.ts): a removed item is just "a response".
 */
export async function listMyReports(viewer: Actor) {
  const claimState = { hiddenAt: true, article: { select: { status: true } } } as const;
  const reports = await getDb().report.findMany({
    where: { reporterId: viewer.id },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      reason: true,
      status: true,
      createdAt: true,
      resolvedAt: true,
      claim: { select: { id: true, text: true, ...claimState } },
      response: { select: { id: true, claimId: true, ...responseStateSelect, claim: { select: claimState } } },
    },
  });
  return reports.map(({ claim, response, ...report }) => ({
    ...report,
    about: response ? ("response" as const) : ("claim" as const),
    claim: claim && claimIsVisible(claim, viewer) ? { id: claim.id, text: claim.text } : null,
    response: response && claimIsVisible(response.claim, viewer) && responseAppearance(response, viewer) === "shown" ? { id: response.id, claimId: response.claimId } : null,
  }));
}

// ---------------------------------------------------------------- the queue

export async function listQueue() {
  const db = getDb();
  const [responses, claims] = await Promise.all([
    db.response.findMany({
      where: { removedAt: null, deletedAt: null, OR: [{ hiddenAt: { not: null } }, { reports: { some: { status: "open" } } }] },
      select: {
        id: true,
        body: true,
        hiddenAt: true,
        moderationVersion: true,
        createdAt: true,
        claim: { select: { id: true, text: true } },
        author: { select: { id: true, name: true, role: true, createdAt: true, silencedUntil: true, bannedUntil: true, _count: { select: { responses: true } } } },
        reports: { where: { status: "open" }, select: { id: true, reason: true, note: true, weight: true, createdAt: true, duplicateOfId: true, reporter: { select: { name: true } } } },
      },
    }),
    db.claim.findMany({
      where: { OR: [{ hiddenAt: { not: null } }, { reports: { some: { status: "open" } } }] },
      select: {
        id: true,
        text: true,
        exact: true,
        hiddenAt: true,
        lockedAt: true,
        moderationVersion: true,
        origin: true,
        raisedBy: { select: { id: true, name: true, role: true, createdAt: true, silencedUntil: true, bannedUntil: true } },
        article: { select: { title: true, slug: true } },
        reports: { where: { status: "open" }, select: { id: true, reason: true, note: true, weight: true, createdAt: true, duplicateOfId: true, reporter: { select: { name: true } } } },
      },
    }),
  ]);
  const removedByAuthor = new Map(
    (await db.response.groupBy({ by: ["authorId"], where: { removedAt: { not: null }, authorId: { in: responses.map((r) => r.author.id) } }, _count: { _all: true } })).map((row) => [row.authorId, row._count._all]),
  );
  const items = [
    ...responses.map((response) => ({ type: "response" as const, ...response, removedBefore: removedByAuthor.get(response.author.id) ?? 0 })),
    ...claims.map((claim) => ({ type: "claim" as const, ...claim })),
  ].map((item) => ({ ...item, score: item.reports.reduce((sum, report) => sum + report.weight, 0) }));
  // Hidden items first (readers cannot see them until someone decides), then by report weight.
  return items.sort((a, b) => Number(Boolean(b.hiddenAt)) - Number(Boolean(a.hiddenAt)) || b.score - a.score);
}

// ---------------------------------------------------------------- moderators' actions

export const MODERATION_ACTIONS = ["dismiss", "hide", "restore", "remove", "lock", "unlock", "duplicate", "edit_claim"] as const;
export type ModerationActionName = (typeof MODERATION_ACTIONS)[number];

export interface Moderation {
  moderator: Actor;
  target: Target;
  action: ModerationActionName;
  /** The item's moderationVersion the moderator saw. */
  version: number;
  reason?: string | null;
  duplicateOfId?: string | null;
  text?: string | null;
}

export async function moderate({ moderator, target, action, version, reason = null, duplicateOfId = null, text = null }: Moderation) {
  if (!can(moderator, "moderation.act")) throw new UserFacingError("Only moderators can do that.", 403);
  if (action === "remove" && !reason?.trim()) throw new UserFacingError("Give a reason: the author will see it.", 400);
  if ((action === "duplicate" || action === "edit_claim" || action === "lock" || action === "unlock") && target.type !== "claim") {
    throw new UserFacingError("That action applies to claims only.", 400);
  }
  return getDb().$transaction(async (tx) => {
    const item = await loadTarget(tx, target);
    if (item.removedAt && action !== "restore") throw new UserFacingError("That item was removed; restore it first.", 409);
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
        if (target.type === "response") Object.assign(changes, { removedAt: now, removalReason: reason!.trim() });
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
          throw new UserFacingError("Give an existing, different claim as the original.", 400);
        }
        changes.duplicateOfId = duplicateOfId;
        reportStatus = "upheld";
        break;
      case "edit_claim":
        if (!text?.trim() || text.trim().length < 10) throw new UserFacingError("A claim needs at least 10 characters.", 400);
        changes.text = text.trim();
        break;
    }
    const where = { id: target.id, moderationVersion: version };
    const data = { ...changes, moderationVersion: { increment: 1 } };
    const updated = target.type === "claim" ? await tx.claim.updateMany({ where, data }) : await tx.response.updateMany({ where, data });
    if (updated.count !== 1) throw new UserFacingError("Already handled: another moderator acted on this item first. Reload to see what they did.", 409);
    if (reportStatus) await resolveOpenReports(tx, target, reportStatus, now);
    await log(tx, { moderatorId: moderator.id, action, targetType: target.type, targetId: target.id, reason: reason?.trim() || (duplicateOfId ? `Duplicate of claim ${duplicateOfId}` : null) });
    await announce(tx, { type: "response", claimId: item.claimId, articleId: item.articleId });
  });
}

export async function lockArticle({ moderator, articleId, locked, reason = null }: { moderator: Actor; articleId: string; locked: boolean; reason?: string | null }) {
  if (!can(moderator, "moderation.act")) throw new UserFacingError("Only moderators can do that.", 403);
  return getDb().$transaction(async (tx) => {
    const updated = await tx.article.updateMany({ where: { id: articleId }, data: { lockedAt: locked ? new Date() : null } });
    if (!updated.count) throw new UserFacingError("That article does not exist.", 404);
    await log(tx, { moderatorId: moderator.id, action: locked ? "lock" : "unlock", targetType: "article", targetId: articleId, reason });
  });
}

// ---------------------------------------------------------------- sanctions and roles

export type SanctionKind = "silence" | "suspend" | "ban" | "lift";

export async function sanctionUser({ moderator, userId, kind, reason, days }: { moderator: Actor; userId: string; kind: SanctionKind; reason: string; days?: number }) {
  if (!reason.trim()) throw new UserFacingError("A reason is required; the person will see it.", 400);
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
    if (!user) throw new UserFacingError("That account does not exist.", 404);
    if (!can(moderator, "user.sanction", { userId: user.id, userRole: user.role })) {
      throw new UserFacingError("You can only sanction accounts below your own role.", 403);
    }
    const until = kind === "ban" ? FOREVER : new Date(Date.now() + Math.max(1, Math.min(days ?? 7, 3650)) * 86_400_000);
    const data =
      kind === "silence"
        ? { silencedUntil: until, silenceReason: reason.trim() }
        : kind === "lift"
          ? { silencedUntil: null, silenceReason: null, bannedUntil: null, banReason: null }
          : { bannedUntil: until, banReason: reason.trim() };
    await tx.user.update({ where: { id: userId }, data });
    await log(tx, { moderatorId: moderator.id, action: kind, targetType: "user", targetId: userId, reason: reason.trim() });
  });
}

export async function setRole({ admin, userId, role }: { admin: Actor | null; userId: string; role: Role }) {
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
    if (!user) throw new UserFacingError("That account does not exist.", 404);
    // A null admin is the command line (`npm run user:role`), run by whoever operates the server.
    if (admin && !can(admin, "user.role", { userId: user.id, userRole: user.role })) throw new UserFacingError("Only an admin can change someone else's role.", 403);
    await tx.user.update({ where: { id: userId }, data: { role } });
    await log(tx, { moderatorId: admin?.id ?? null, action: "role", targetType: "user", targetId: userId, reason: `Role changed from ${user.role} to ${role}` });
  });
}

// ---------------------------------------------------------------- word filter

export async function listWordFilters() {
  return getDb().wordFilter.findMany({ orderBy: { pattern: "asc" }, select: { id: true, pattern: true, mode: true } });
}

export async function addWordFilter({ admin, pattern, mode }: { admin: Actor; pattern: string; mode: "block" | "review" }) {
  if (!can(admin, "settings.manage")) throw new UserFacingError("Only admins manage the word filter.", 403);
  const trimmed = pattern.trim();
  if (/^\/.+\/$/.test(trimmed)) {
    try {
      new RegExp(trimmed.slice(1, -1), "iu");
    } catch {
      throw new UserFacingError("That regular expression is not valid.", 400);
    }
  }
  return getDb().$transaction(async (tx) => {
    await tx.wordFilter.upsert({ where: { pattern: trimmed }, create: { pattern: trimmed, mode }, update: { mode } });
    await log(tx, { moderatorId: admin.id, action: "filter", targetType: "word_filter", targetId: trimmed, reason: `${mode}: ${trimmed}` });
  });
}

export async function removeWordFilter({ admin, id }: { admin: Actor; id: string }) {
  if (!can(admin, "settings.manage")) throw new UserFacingError("Only admins manage the word filter.", 403);
  return getDb().$transaction(async (tx) => {
    const filter = await tx.wordFilter.delete({ where: { id } }).catch(() => null);
    if (!filter) throw new UserFacingError("That filter no longer exists.", 404);
    await log(tx, { moderatorId: admin.id, action: "filter", targetType: "word_filter", targetId: filter.pattern, reason: `removed: ${filter.pattern}` });
  });
}

/** "block" when a blocking filter matches, "review" when a reviewing one does, else null. */
export async function checkWordFilters(tx: Tx, text: string): Promise<{ mode: "block" | "review"; pattern: string } | null> {
  const filters = await tx.wordFilter.findMany({ select: { pattern: true, mode: true } });
  let review: { mode: "review"; pattern: string } | null = null;
  for (const filter of filters) {
    const regex = /^\/.+\/$/.test(filter.pattern)
      ? new RegExp(filter.pattern.slice(1, -1), "iu")
      : new RegExp(`(?<![\\p{L}\\p{N}])${filter.pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "iu");
    if (!regex.test(text)) continue;
    if (filter.mode === "block") return { mode: "block", pattern: filter.pattern };
    review ??= { mode: "review", pattern: filter.pattern };
  }
  return review;
}

// ---------------------------------------------------------------- the log

/**
 * The public log, newest first. Moderators' names are for staff; a claim or response acted on is linked
 * only when the viewer may see it now, so the log never hands out the address of withheld content.
 */
export async function listModerationLog(viewer: Actor | null) {
  const entries = await getDb().moderationAction.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, action: true, targetType: true, targetId: true, reason: true, createdAt: true, moderator: { select: { name: true } } },
  });
  const ids = (type: string) => entries.filter((entry) => entry.targetType === type).map((entry) => entry.targetId);
  const [claims, responses] = await Promise.all([
    getDb().claim.findMany({ where: { id: { in: ids("claim") }, ...visibleClaimWhere(viewer) }, select: { id: true } }),
    getDb().response.findMany({ where: { id: { in: ids("response") }, ...visibleResponseWhere(viewer), deletedAt: null }, select: { id: true } }),
  ]);
  const links = new Map<string, string>([
    ...claims.map(({ id }): [string, string] => [`claim:${id}`, `/claims/${id}`]),
    ...responses.map(({ id }): [string, string] => [`response:${id}`, `/responses/${id}`]),
  ]);
  const withNames = can(viewer, "moderation.seeNames");
  return entries.map(({ targetId, ...entry }) => ({
    ...entry,
    link: links.get(`${entry.targetType}:${targetId}`) ?? null,
    moderator: withNames ? (entry.moderator?.name ?? "Automatic") : entry.moderator ? "A moderator" : "Automatic",
  }));
}
