// The admins' word filter list: adding and removing patterns (logged). Posting asks it through
// lib/policy/word-filter.ts.
import type { WordFilterMode } from "@/lib/vocabulary";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/policy";
import { wordFilterRegex } from "@/lib/policy/word-filter";
import { log } from "./log";

export async function listWordFilters() {
  return getDb().wordFilter.findMany({ orderBy: { pattern: "asc" }, select: { id: true, pattern: true, mode: true } });
}

export async function addWordFilter({ admin, pattern, mode }: { admin: Actor; pattern: string; mode: WordFilterMode }) {
  if (!can(admin, "settings.manage")) throw new AppError("forbidden", "Only admins manage the word filter.");
  const trimmed = pattern.trim();
  try {
    // The pattern as posting will use it (a plain word never fails; a /regular expression/ may).
    wordFilterRegex(trimmed);
  } catch {
    throw new AppError("invalid_request", "That regular expression is not valid.");
  }
  return getDb().$transaction(async (tx) => {
    await tx.wordFilter.upsert({ where: { pattern: trimmed }, create: { pattern: trimmed, mode }, update: { mode } });
    await log(tx, { moderatorId: admin.id, action: "filter", targetType: "word_filter", targetId: trimmed, reason: `${mode}: ${trimmed}` });
  });
}

export async function removeWordFilter({ admin, id }: { admin: Actor; id: string }) {
  if (!can(admin, "settings.manage")) throw new AppError("forbidden", "Only admins manage the word filter.");
  return getDb().$transaction(async (tx) => {
    const filter = await tx.wordFilter.delete({ where: { id } }).catch(() => null);
    if (!filter) throw new AppError("not_found", "That filter no longer exists.");
    await log(tx, { moderatorId: admin.id, action: "filter", targetType: "word_filter", targetId: filter.pattern, reason: `removed: ${filter.pattern}` });
  });
}
