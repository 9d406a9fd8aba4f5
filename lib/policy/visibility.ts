// Who may see what: one rule for every read of an article, a claim or a response (decision 015).
// Pages, threads, histories, profiles, search, notifications, exports, outlines and the API all ask
// these functions, or the SQL and Prisma filters built from them (lib/debate/visibility.ts); the database
// keeps counts by the same rule (migration 20261202013659_visibility). Pure.
//
// - An article is seen once published; drafts by editors and above.
// - A claim is seen with its article; a hidden claim by moderators and above.
// - A response is seen with its claim, unless it or a response above it is hidden or removed: then by
//   moderators, and its own author sees it (with the reason) while nothing above it is withheld.
// - Where a response itself is hidden or removed, everyone else meets a placeholder in its place ("hidden
//   while moderators review it" / "removed by a moderator: <rule>"): no text, no author, no counts of its
//   own; what was posted under it is folded with it (decision 015).
// - A deleted response has no text left. It keeps its place as "[deleted]" only while readers see
//   replies to it, so their context stays; otherwise it is gone for everyone.
// - Sanctions on an author (silence, suspension, ban) do not hide what they already posted: moderators
//   hide or remove items one by one, and the log says so.
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { hasRole, type Actor } from "./index";

export type Viewer = Actor | null;

/** Drafts are editors' work in progress. */
export const seesDrafts = (viewer: Viewer) => hasRole(viewer, "editor");
/** Hidden and removed items stay visible to the people who decide about them. */
export const seesWithheld = (viewer: Viewer) => hasRole(viewer, "moderator");

export function articleIsVisible(article: { status: ArticleStatus }, viewer: Viewer): boolean {
  return article.status === "published" || seesDrafts(viewer);
}

export function claimIsVisible(claim: { hiddenAt: Date | null; article: { status: ArticleStatus } }, viewer: Viewer): boolean {
  return articleIsVisible(claim.article, viewer) && (claim.hiddenAt === null || seesWithheld(viewer));
}

export interface ResponseState {
  authorId: string;
  hiddenAt: Date | null;
  removedAt: Date | null;
  deletedAt: Date | null;
  /** A response above it is hidden or removed (kept by the database). */
  withheldAbove: boolean;
  /** Direct replies readers see (kept by the database by presentToReaders). */
  supporters: number;
  opposers: number;
}

/** Hidden pending review, or removed by a moderator. */
export const isWithheld = (response: Pick<ResponseState, "hiddenAt" | "removedAt">) => response.hiddenAt !== null || response.removedAt !== null;

/**
 * Whether readers (anyone without a role) meet it at all: with its text, as "[deleted]", or as a
 * moderation placeholder. Counts count these (migration 20261207001626: arguably_response_present).
 */
export function presentToReaders(response: Omit<ResponseState, "authorId">): boolean {
  if (response.withheldAbove) return false;
  return response.deletedAt === null || (!isWithheld(response) && response.supporters + response.opposers > 0);
}

/** Whether its argument counts (its strength moves what it answers): readers see it with its text. */
export function arguesForReaders(response: Omit<ResponseState, "authorId" | "supporters" | "opposers">): boolean {
  return !response.withheldAbove && !isWithheld(response) && response.deletedAt === null;
}

/**
 * How a response appears to this viewer, given that they see its claim: with its text ("shown"), as
 * "[deleted]" without text or author ("tombstone"), with its text and a notice that readers do not see
 * it ("withheld", for its author and moderators), as a moderation placeholder without text, author or
 * counts ("placeholder", for everyone else), or not at all (null: folded under a withheld response).
 */
export type Appearance = "shown" | "tombstone" | "withheld" | "placeholder";

export function responseAppearance(response: ResponseState, viewer: Viewer): Appearance | null {
  if (response.deletedAt !== null) return presentToReaders(response) ? "tombstone" : null;
  if (!response.withheldAbove && !isWithheld(response)) return "shown";
  if (seesWithheld(viewer)) return "withheld";
  if (response.withheldAbove) return null;
  return viewer !== null && viewer.id === response.authorId ? "withheld" : "placeholder";
}

/**
 * How a response appears to someone acting on it (answering, voting, following, reporting). Only what
 * readers see takes part in debate, so a role does not widen it: a moderator acting as a participant
 * sees what any author would.
 */
export function appearanceToParticipant(response: ResponseState, participantId: string): Appearance | null {
  return responseAppearance(response, { id: participantId, role: "user", bannedUntil: null });
}
