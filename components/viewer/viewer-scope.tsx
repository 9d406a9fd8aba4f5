"use client";
// Gives the components of a page the person's layer (lib/debate/viewer-overlay.ts) for the page's article.
// A seed (the page was rendered for this person) is the state from the first paint; without one (a page
// shared by every reader) the layer is asked for after hydration, and until it arrives `useViewer`
// answers null: controls that depend on the person wait rather than show a reader's controls.
import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from "react";
import type { ViewerOverlay } from "@/lib/debate/viewer-overlay";
import { loadViewerOverlay, NO_ARTICLE, setViewerOverlay, subscribeViewer, viewerOverlayOf } from "./viewer-store";

interface Scope {
  articleId: string;
  seed: ViewerOverlay | null;
}

const ScopeContext = createContext<Scope>({ articleId: NO_ARTICLE, seed: null });

/**
 * `seed`: the layer when the page was rendered for this person; null on a shared page, where the scope
 * asks for it (unless `ask` is false: the layout's scope, whose shared pages each have a scope of their own).
 */
export function ViewerScope({
  articleId = NO_ARTICLE,
  seed,
  ask = true,
  children,
}: {
  articleId?: string;
  seed: ViewerOverlay | null;
  ask?: boolean;
  children?: ReactNode;
}) {
  const router = useRouter();
  useEffect(() => {
    if (seed) setViewerOverlay(articleId, seed);
    else if (ask)
      void loadViewerOverlay(articleId).then(() => {
        // A shared page for someone whose page shows more (their role changed since it was served): once, theirs.
        if (viewerOverlayOf(articleId)?.personal) router.refresh();
      });
  }, [articleId, seed, ask, router]);
  return <ScopeContext.Provider value={{ articleId, seed }}>{children}</ScopeContext.Provider>;
}

/** The person's layer on this page, or null while it is being asked for. */
export function useViewer(): ViewerOverlay | null {
  const { articleId, seed } = useContext(ScopeContext);
  return useSyncExternalStore(
    subscribeViewer,
    () => viewerOverlayOf(articleId) ?? seed,
    () => seed,
  );
}

/** The article of the page, for the person's own changes (patchViewerOverlay). */
export function useViewerArticle() {
  return useContext(ScopeContext).articleId;
}
