// The per-person layer for a page that Next.js renders for this person (lib/debate/viewer-overlay.ts):
// a personal render (staff, authors of responses under review, or no page cache) carries it, so the
// page shows the person's state from its first paint. A shared render has no session (the HTTP edge
// withholds the cookie, server/page-cache.ts), so this is null there and the page asks /api/viewer.
import "server-only";
import { headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { appSql } from "@/lib/db/client";
import { seesWithheld } from "@/lib/policy/visibility";
import { countUnreadNotifications } from "./notifications";
import { ANONYMOUS_OVERLAY, readViewerOverlay, SHARED_RENDER_HEADER, type ViewerOverlay } from "./viewer-overlay";

export async function isSharedRender() {
  return (await headers()).get(SHARED_RENDER_HEADER) === "1";
}

/** This person's layer for `articleId`'s pages (null: outside an article), or null in a shared render. */
export async function pageOverlay(articleId: string | null): Promise<ViewerOverlay | null> {
  if (await isSharedRender()) return null;
  const user = await getCurrentUser();
  if (!user) return ANONYMOUS_OVERLAY;
  const overlay = await readViewerOverlay(appSql, { userId: user.id, sessionId: null, articleId });
  // The overlay counts notifications as readers see them; staff see more (lib/policy/visibility.ts).
  return seesWithheld(user) ? { ...overlay, unread: await countUnreadNotifications(user) } : overlay;
}
