"use client";
// Keeps an open article, claim or thread page current: it listens to the live stream of its claim or
// article (GET /api/live) and applies each update to the page's live state (./live-store.ts), which the
// page's parts read. No update asks the server for a render, with two exceptions that are the person's
// own: a personal page (staff, an author with responses under review; lib/debate/viewer-overlay.ts)
// refreshes, since it shows what updates leave out, and a page too far behind loads afresh, once.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useViewer, useViewerArticle } from "@/components/viewer/viewer-scope";
import { loadViewerOverlay, viewerOverlayOf } from "@/components/viewer/viewer-store";
import { Button } from "@/components/ui/button";
import { LIVE_EVENTS, type LiveUpdate } from "@/lib/live/updates";
import { applyLiveUpdate, forgetLiveChanges } from "./live-store";

export function LiveDebate({ claimId, articleId }: { claimId?: string; articleId?: string }) {
  const router = useRouter();
  const viewer = useViewer();
  const scopeArticle = useViewerArticle();
  const personal = viewer?.personal ?? false;
  const personalPage = useRef(personal);
  const signedIn = useRef(false);
  useEffect(() => {
    personalPage.current = personal;
    signedIn.current = Boolean(viewer?.user);
  }, [personal, viewer]);
  // Claims raised, merged or hidden change the page's structure: the reader chooses when to see it.
  const [claimsChanged, setClaimsChanged] = useState(false);
  useEffect(() => {
    const source = new EventSource(`/api/live?${claimId ? `claim=${encodeURIComponent(claimId)}` : `article=${encodeURIComponent(articleId ?? "")}`}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 150);
    };
    source.addEventListener(LIVE_EVENTS.update, (event) => {
      const update = JSON.parse((event as MessageEvent<string>).data) as LiveUpdate;
      applyLiveUpdate(update);
      if (personalPage.current) refresh();
      else if (update.kind === "claim") setClaimsChanged(true);
      else if (update.responses[0] && !update.responses[0].present && signedIn.current) {
        // A response left readers' view (hidden, removed): if it is this person's, their page now shows
        // more than readers' (it, with the reason), so it becomes theirs.
        void loadViewerOverlay(scopeArticle).then(() => {
          if (viewerOverlayOf(scopeArticle)?.personal) refresh();
        });
      }
    });
    source.addEventListener(LIVE_EVENTS.resync, () => {
      forgetLiveChanges();
      refresh();
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [claimId, articleId, router, scopeArticle]);
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
