// What the live stream carries (GET /api/live): the change itself, so open pages patch themselves in
// place instead of asking the server for a new render (issue 17). Built once per change per app
// instance (./build-update.ts) and written, as the same bytes, to every reader of the claim or article.
// Everything here is what readers without a role see (lib/policy/visibility.ts): people whose page shows
// more (moderators, authors of withheld responses) get a personal page that refreshes instead.
import type { Stance } from "@/lib/vocabulary";
import type { CitedSource } from "@/lib/debate/response-sources";
import { excerpt } from "@/lib/format";
import type { ModerationNotice } from "@/lib/moderation/notice";

/** A response that moves the standing, with the words the page shows for it. */
export interface LiveReason {
  id: string;
  effect: number;
  excerpt: string;
}

export interface LiveClaimState {
  agree: number;
  disagree: number;
  /** Direct responses readers see, by stance (the columns' counts). */
  supporting: number;
  opposing: number;
  standing: number;
  raisedBy: LiveReason[];
  loweredBy: LiveReason[];
}

/** A response's public figures: the changed one and every response above it. */
export interface LiveResponseState {
  id: string;
  /** Readers meet it (with its text, as "[deleted]" or as a placeholder); false: it left the page (folded, gone). */
  present: boolean;
  /** Set when readers meet a placeholder here now: it was hidden or removed (no text, author or figures). */
  placeholder?: Pick<ModerationNotice, "removed" | "rule" | "logHref">;
  deleted: boolean;
  strong: number;
  weak: number;
  supporters: number;
  opposers: number;
  strength: number;
  /** Readers who marked it "needs a source". */
  sourceRequests: number;
  /** Set for the response the change is about: its text and sources now (after an edit), and when it was edited. */
  body?: string;
  sources?: CitedSource[];
  editedAt?: string | null;
}

/** A response readers can now see, with what its item on the page shows. */
export interface LiveResponse {
  id: string;
  claimId: string;
  parentId: string | null;
  stance: Stance;
  body: string;
  author: { id: string; name: string } | null;
  createdAt: string;
  strong: number;
  weak: number;
  supporters: number;
  opposers: number;
  strength: number;
  sources: CitedSource[];
  sourceRequests: number;
}

export interface LiveUpdate {
  kind: "response" | "vote" | "claim";
  claimId: string;
  articleId: string;
  /** Null when readers no longer see the claim (hidden, merged away). */
  claim: LiveClaimState | null;
  responses: LiveResponseState[];
  /** A response that is new to readers: pages insert it under its parent. */
  created: LiveResponse | null;
}

/**
 * Event names on the stream. "resync": too much was missed to patch; load the page once, afresh.
 * "inbox": the person's notifications changed (their unread count is read again from GET /api/viewer).
 */
export const LIVE_EVENTS = { update: "update", resync: "resync", unavailable: "unavailable", inbox: "inbox" } as const;

const EXCERPT_LENGTH = 90;

/** How a reason names its response: the first words of its text, on one line. */
export function reasonExcerpt(body: string, deleted: boolean): string {
  return deleted ? "[deleted]" : excerpt(body, EXCERPT_LENGTH);
}
