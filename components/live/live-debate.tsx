"use client";
// Keeps an open article, claim or thread page current: it follows the live stream of its claim or
// article (./live-connection.ts, which applies each update to the page's live state, ./live-store.ts,
// that the page's parts read). No update asks the server for a render, with two exceptions that are the
// person's own: a personal page (staff, an author with responses under review; lib/debate/viewer-overlay.ts)
// refreshes, since it shows what updates leave out, and a page too far behind loads afresh, once.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useViewer, useViewerArticle } from "@/components/viewer/viewer-scope";
import { loadViewerOverlay, viewerOverlayOf } from "@/components/viewer/viewer-store";
import { Button } from "@/components/ui/button";
import type { LiveUpdate } from "@/lib/live/updates";
import { useLiveTopic } from "./live-connection";
import { forgetLiveChanges } from "./live-store";

let refreshTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * One refresh for a burst of updates, however many parts of the page asked for it. What the live
 * stream taught the page is forgotten first: the new render has it, and more (a personal page shows
 * withheld responses where readers' live state says "placeholder").
 */
function refreshSoon(refresh: () => void) {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    forgetLiveChanges();
    refresh();
  }, 150);
}

export function LiveDebate({ claimId, articleId }: { claimId?: string; articleId?: string }) {
  const router = useRouter();
  const viewer = useViewer();
  const scopeArticle = useViewerArticle();
  const personalPage = useRef(false);
  const signedIn = useRef(false);
  useEffect(() => {
    personalPage.current = viewer?.personal ?? false;
    signedIn.current = Boolean(viewer?.user);
  }, [viewer]);
  // Claims raised, merged or hidden change the page's structure: the reader chooses when to see it.
  const [claimsChanged, setClaimsChanged] = useState(false);
  const concerns = (update: LiveUpdate) => (claimId ? update.claimId === claimId : update.articleId === articleId);
  useLiveTopic(claimId ? `claim:${claimId}` : `article:${articleId ?? ""}`, {
    onUpdate: (update) => {
      if (!concerns(update)) return;
      if (personalPage.current) refreshSoon(() => router.refresh());
      else if (update.kind === "claim") setClaimsChanged(true);
      else if (update.responses[0] && (!update.responses[0].present || update.responses[0].placeholder) && signedIn.current) {
        // A response left readers' view (hidden, removed: a placeholder now): if it is this person's,
        // their page now shows more than readers' (it, with the rule and note), so it becomes theirs.
        void loadViewerOverlay(scopeArticle).then(() => {
          if (viewerOverlayOf(scopeArticle)?.personal) refreshSoon(() => router.refresh());
        });
      }
    },
    onResync: () => refreshSoon(() => router.refresh()),
  });
  if (!claimsChanged) return null;
  return (
    <div role="status" className="flex items-center gap-3 rounded-md border border-sky-300 bg-sky-50 p-2 text-sm">
      <span>{claimId ? "Moderators or editors changed this claim." : "The claims marked in this article changed."}</span>
      <Button
        variant="secondary"
        onClick={() => {
          setClaimsChanged(false);
          forgetLiveChanges();
          router.refresh();
        }}
      >
        Show the changes
      </Button>
    </div>
  );
}
