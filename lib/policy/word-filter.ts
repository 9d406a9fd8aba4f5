// The admins' word filter, as the posting commands ask it (lib/debate/post-response.ts,
// edit-response.ts): may this text be posted, and must it wait for review? Admins manage the list in
// lib/moderation/word-filters.ts.
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WordFilterMode } from "@/lib/vocabulary";

export interface WordFilterMatch {
  mode: WordFilterMode;
  pattern: string;
}

/** A filter's pattern as a regular expression: `/…/` is one already; a word matches as a whole word. */
export function wordFilterRegex(pattern: string): RegExp {
  return /^\/.+\/$/.test(pattern)
    ? new RegExp(pattern.slice(1, -1), "iu")
    : new RegExp(`(?<![\\p{L}\\p{N}])${pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "iu");
}

/** "block" when a blocking filter matches, "review" when a reviewing one does, else null. */
export async function checkWordFilters(tx: Prisma.TransactionClient, text: string): Promise<WordFilterMatch | null> {
  const filters = await tx.wordFilter.findMany({ select: { pattern: true, mode: true } });
  let review: WordFilterMatch | null = null;
  for (const filter of filters) {
    if (!wordFilterRegex(filter.pattern).test(text)) continue;
    if (filter.mode === "block") return { mode: "block", pattern: filter.pattern };
    review ??= { mode: "review", pattern: filter.pattern };
  }
  return review;
}

/**
 * Screens a text about to be posted: refuses it (400) when a blocking filter matches; `hold` when a
 * reviewing one does, and the text is then stored hidden until a moderator looks.
 */
export async function screenText(tx: Prisma.TransactionClient, text: string): Promise<{ hold: boolean }> {
  const match = await checkWordFilters(tx, text);
  if (match?.mode === "block") throw new AppError("invalid_request", "Your response contains wording that is not allowed here. Please rephrase it.");
  return { hold: match?.mode === "review" };
}
