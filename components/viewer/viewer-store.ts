"use client";
// The per-person layer in the browser (lib/debate/viewer-overlay.ts), by article: filled from the page's
// seed when Next.js rendered the page for this person, else asked once from GET /api/viewer (answered by
// the HTTP edge). The person's own votes and follows update it in place; nothing here asks for a render.
import { SESSION_CHANGED } from "@/lib/auth/browser";
import type { ViewerOverlay } from "@/lib/debate/viewer-overlay";

type Listener = () => void;

/** Pages outside an article keep the person's layer under this key. */
export const NO_ARTICLE = "";

const overlays = new Map<string, ViewerOverlay>();
const pending = new Map<string, Promise<void>>();
const listeners = new Set<Listener>();
let latest: ViewerOverlay | null = null;
/** Counts sign-ins and sign-outs: a layer asked for under an earlier session is not kept. */
let session = 0;

function changed() {
  for (const listener of listeners) listener();
}

export function subscribeViewer(listener: Listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The layer for `articleId`, or null while it is not known yet. */
export function viewerOverlayOf(articleId: string): ViewerOverlay | null {
  return overlays.get(articleId) ?? (articleId === NO_ARTICLE ? latest : null);
}

export function setViewerOverlay(articleId: string, overlay: ViewerOverlay) {
  overlays.set(articleId, overlay);
  latest = overlay;
  // Who the person is, and their unread count, are the same on every page.
  for (const [key, other] of overlays) if (key !== articleId) overlays.set(key, { ...other, user: overlay.user, unread: overlay.unread });
  changed();
}

/** The person's own change (a vote, a follow), as the server stored it. */
export function patchViewerOverlay(articleId: string, change: (overlay: ViewerOverlay) => ViewerOverlay) {
  const overlay = overlays.get(articleId);
  if (!overlay) return;
  overlays.set(articleId, change(overlay));
  changed();
}

/** Asks the edge for the layer of `articleId`'s pages, once at a time. */
export function loadViewerOverlay(articleId: string): Promise<void> {
  const running = pending.get(articleId);
  if (running) return running;
  const askedUnder = session;
  const load = (async () => {
    try {
      const response = await fetch(`/api/viewer${articleId ? `?article=${encodeURIComponent(articleId)}` : ""}`, { cache: "no-store" });
      const overlay = response.ok ? ((await response.json()) as ViewerOverlay) : null;
      if (overlay && askedUnder === session) setViewerOverlay(articleId, overlay);
    } catch {
      // Offline: the page stays as readers see it; the next page asks again.
    } finally {
      // Unless a sign-in or sign-out has asked again meanwhile.
      if (askedUnder === session) pending.delete(articleId);
    }
  })();
  pending.set(articleId, load);
  return load;
}

/**
 * Signed in or out: what was known of the person is forgotten (the header waits rather than show the
 * previous person), and each article's layer is asked for again with the new session. A shared page
 * carries no session of its own, so nothing else would tell the page (lib/auth/browser.ts).
 */
function sessionChanged() {
  const articles = new Set([NO_ARTICLE, ...overlays.keys()]);
  session += 1;
  overlays.clear();
  pending.clear();
  latest = null;
  changed();
  for (const articleId of articles) void loadViewerOverlay(articleId);
}

if (typeof window !== "undefined") window.addEventListener(SESSION_CHANGED, sessionChanged);
