// What stands where a response was hidden or removed (issue 31, decision 015): for readers a
// placeholder with the rule and a link to the log entry; for its author and moderators the same words
// above the text, with the moderator's note. Pure: the server's render and the live update both use it.

export interface ModerationNotice {
  /** Removed by a moderator; otherwise hidden while moderators review it. */
  removed: boolean;
  /** The site rule the hide or removal cited (none for a hold by the word filter). */
  rule: string | null;
  /** The moderator's note: for the author and moderators only, never on a placeholder. */
  note: string | null;
  /** Its entry in the public log. */
  logHref: string | null;
}

/** Where the log shows one item's entries, at the entry: what a placeholder links to. */
export const logEntryHref = (targetId: string, entryId: string) => `/moderation/log?item=${encodeURIComponent(targetId)}#entry-${entryId}`;

/** The words of a placeholder, the same on the server's page and in a live update. */
export function placeholderText(notice: Pick<ModerationNotice, "removed" | "rule">): string {
  if (notice.removed) return notice.rule ? `Removed by a moderator: ${notice.rule}.` : "Removed by a moderator.";
  return "A response here is hidden while moderators review it.";
}
