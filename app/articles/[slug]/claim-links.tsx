"use client";

import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useSyncExternalStore, type ReactNode } from "react";
import { CloseIcon } from "@/components/ui/icons";

const WIDE = "(min-width: 1024px)";

/**
 * Claim marks link to the claim's own page (which is what narrow screens and browsers without
 * JavaScript get). On wide screens a click opens the debate beside the text instead. A drag that selects
 * a claim's words is not a click. A finger touching a mark on a narrow screen prefetches the claim's
 * page; a pointer crossing marks on a wide one prefetches nothing (its click opens the debate beside
 * the text, answered from the shared render: decision 022).
 */
export function WideScreenClaimLinks({ slug }: { slug: string }) {
  const router = useRouter();
  useEffect(() => {
    const body = document.querySelector('[data-testid="article-body"]');
    const onClick = (event: Event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>("a[data-claim-id]");
      const mouse = event as MouseEvent;
      if (!link) return;
      // A drag across a claim's words selects them (to argue, app/articles/[slug]/argue-this.tsx): not a click.
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed && selection.containsNode(link, true)) {
        event.preventDefault();
        return;
      }
      if (!window.matchMedia(WIDE).matches || mouse.metaKey || mouse.ctrlKey || mouse.shiftKey) return;
      event.preventDefault();
      router.push(`/articles/${slug}?claim=${link.dataset.claimId}`, { scroll: false });
    };
    const onTouch = (event: Event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>("a[data-claim-id]");
      if (link && !window.matchMedia(WIDE).matches) router.prefetch(`/claims/${link.dataset.claimId}`);
    };
    body?.addEventListener("click", onClick);
    body?.addEventListener("touchstart", onTouch, { passive: true });
    return () => {
      body?.removeEventListener("click", onClick);
      body?.removeEventListener("touchstart", onTouch);
    };
  }, [router, slug]);
  return null;
}

/** Escape leaves a text field or a menu alone: it cancels what is being typed or chosen, not the panel. */
function escapeIsForSomethingElse(event: KeyboardEvent) {
  const target = event.target as Element | null;
  if (event.defaultPrevented || target?.closest("input, textarea, select, [contenteditable=true], [role=menu], [data-argue-bar]")) return true;
  return document.querySelector('[role="menu"]') !== null;
}

const noChange = () => () => {};

/**
 * The chosen claim's debate beside the article. Its heading takes focus when it opens (keyboard and
 * screen-reader users land in it); Escape or Close shuts it, and focus goes back to the claim's words
 * in the text, where the reader was.
 */
export function ClaimPanel({ claimId, slug, children }: { claimId: string; slug: string; children: ReactNode }) {
  const router = useRouter();
  const panel = useRef<HTMLElement>(null);
  // Drawn with the page (an address with ?claim= opened directly) rather than opened from it: nothing
  // had focus to replace, and a focused heading would greet the reader with a focus ring.
  const withThePage = useSyncExternalStore(
    noChange,
    () => false,
    () => true,
  );
  const openedFromThePage = useRef(!withThePage);
  useEffect(() => {
    // Wherever focus was (the mark that opened it, a link in the list beside the text), the debate now has it.
    if (openedFromThePage.current) panel.current?.querySelector<HTMLElement>("[data-panel-heading]")?.focus({ preventScroll: true });
    return () => {
      // Closed (or replaced by another claim's debate, whose heading then takes focus): back to the text.
      requestAnimationFrame(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        document.querySelector<HTMLElement>(`a[data-claim-id="${CSS.escape(claimId)}"]`)?.focus({ preventScroll: true });
      });
    };
  }, [claimId]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || escapeIsForSomethingElse(event)) return;
      event.preventDefault();
      router.push(`/articles/${slug}`, { scroll: false });
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [router, slug]);
  return (
    <aside ref={panel} aria-label="Debate on the chosen claim" className="space-y-3 rounded-lg border border-line bg-paper p-4">
      <div className="flex items-center justify-between gap-2 text-sm">
        <Link href={`/claims/${claimId}`} className="text-accent hover:underline">
          Open as its own page
        </Link>
        <Link
          href={`/articles/${slug}`}
          scroll={false}
          aria-label="Close the debate (Escape)"
          className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-muted hover:bg-stone-100 hover:text-ink"
        >
          <CloseIcon size={16} />
          <span aria-hidden="true">Close</span>
        </Link>
      </div>
      {children}
    </aside>
  );
}
