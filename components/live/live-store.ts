"use client";
// What the live stream (lib/live/updates.ts) has changed on the open page since it was rendered: the
// claim's counts and standing, each response's figures and text, the responses new to the page, and the
// person's own new responses (from their post's answer). Components show the server's values until
// something newer is here. Client-only: nothing is written to it during a server render.
import { useMemo, useSyncExternalStore } from "react";
import type { LiveClaimState, LiveResponse, LiveResponseState, LiveUpdate } from "@/lib/live/updates";

type Listener = () => void;

const claims = new Map<string, LiveClaimState>();
const responses = new Map<string, LiveResponseState>();
/** New responses by where they go: `${claimId}/${parentId ?? ""}`, newest first. */
const created = new Map<string, LiveResponse[]>();
/** Responses the server rendered on this page (a live copy of them is never added). */
const rendered = new Set<string>();
/** Responses this person reported from this page (their item says so if it then leaves the page). */
let reported: ReadonlySet<string> = new Set();
const listeners = new Set<Listener>();

const NONE: LiveResponse[] = [];
const placeOf = (claimId: string, parentId: string | null) => `${claimId}/${parentId ?? ""}`;

function changed() {
  for (const listener of listeners) listener();
}

function subscribe(listener: Listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function isOnPage(id: string) {
  if (rendered.has(id)) return true;
  for (const list of created.values()) if (list.some((response) => response.id === id)) return true;
  return false;
}

function addCreated(response: LiveResponse) {
  if (isOnPage(response.id)) return;
  const place = placeOf(response.claimId, response.parentId);
  created.set(place, [response, ...(created.get(place) ?? [])]);
}

export function applyLiveUpdate(update: LiveUpdate) {
  if (update.claim) claims.set(update.claimId, update.claim);
  for (const state of update.responses) {
    const before = responses.get(state.id);
    // Only the response a change is about carries its text; keep the text known for the others.
    responses.set(state.id, state.body === undefined && before?.body !== undefined ? { ...state, body: before.body, editedAt: before.editedAt } : state);
  }
  if (update.created) addCreated(update.created);
  changed();
}

/** The person's own response, from their post's answer: shown at once, before the stream brings it. */
export function addOwnResponse(response: LiveResponse) {
  addCreated(response);
  changed();
}

/**
 * The person's own change to a response (an edit, a deletion, a "needs a source"), from the answer to
 * it. `shown` is what the page shows of it now, kept for what the change does not touch.
 */
export function patchLiveResponse(id: string, change: Partial<LiveResponseState>, shown: Omit<LiveResponseState, "id" | "present" | "deleted">) {
  const before = responses.get(id);
  responses.set(id, { ...(before ?? { id, present: true, deleted: false, ...shown }), ...change });
  changed();
}

/** A fresh page replaces everything learnt since the last one. */
export function forgetLiveChanges() {
  claims.clear();
  responses.clear();
  created.clear();
  changed();
}

/**
 * The server drew this response (a page refreshed after a live copy of it arrived: a staff member's
 * page, say): the live copy goes, so a response is never on the page twice. Called before the browser
 * paints, so the copy is never seen beside it.
 */
export function markRendered(id: string) {
  rendered.add(id);
  let removed = false;
  for (const [place, list] of created) {
    if (!list.some((response) => response.id === id)) continue;
    created.set(
      place,
      list.filter((response) => response.id !== id),
    );
    removed = true;
  }
  if (removed) changed();
}

/**
 * The person's own new response takes focus when it is drawn (the form that had focus goes), and again
 * if a refresh redraws it meanwhile. `from` is what had focus when they posted (the form's button), which
 * the response may take it from; anything else the person has moved to since keeps it.
 */
let focusWanted: { id: string; from: Element | null; until: number } | null = null;
const FOCUS_KEPT_MS = 5_000;

export function focusWhenDrawn(id: string) {
  focusWanted = { id, from: document.activeElement, until: Date.now() + FOCUS_KEPT_MS };
  // The live stream may have drawn it already, before the post's own answer came back.
  takeFocusIfWanted(id);
}

/** Gives focus to the response's item if the person is waiting for it and has not moved on. */
export function takeFocusIfWanted(id: string) {
  if (!focusWanted || focusWanted.id !== id || Date.now() > focusWanted.until) return;
  const active = document.activeElement;
  const free = !active || active === document.body || active === focusWanted.from || !active.isConnected || active.closest(`#response-${CSS.escape(id)}`);
  if (!free) return;
  // Drawn twice for a moment (a live copy and the server's, just before the copy goes): the server's stays.
  const items = Array.from(document.querySelectorAll<HTMLElement>(`[id="response-${CSS.escape(id)}"]`));
  const item = items.find((element) => element.dataset.live !== "new") ?? items[0];
  item?.focus();
}

export function markReported(id: string) {
  reported = new Set([...reported, id]);
  changed();
}

export function useReported(id: string): boolean {
  return useSyncExternalStore(
    subscribe,
    () => reported.has(id),
    () => false,
  );
}

export function useLiveClaim(claimId: string): LiveClaimState | undefined {
  return useSyncExternalStore(
    subscribe,
    () => claims.get(claimId),
    () => undefined,
  );
}

export function useLiveResponse(id: string): LiveResponseState | undefined {
  return useSyncExternalStore(
    subscribe,
    () => responses.get(id),
    () => undefined,
  );
}

/** Responses new to the page under `parentId` (null: the claim itself), newest first, of `stance` if given. */
export function useNewResponses(claimId: string, parentId: string | null, stance?: LiveResponse["stance"]): LiveResponse[] {
  const list = useSyncExternalStore(
    subscribe,
    () => created.get(placeOf(claimId, parentId)) ?? NONE,
    () => NONE,
  );
  return useMemo(() => (stance ? list.filter((response) => response.stance === stance) : list), [list, stance]);
}
