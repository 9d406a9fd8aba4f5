"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const WIDE = "(min-width: 1024px)";

/**
 * Claim marks link to the claim's own page (which is what narrow screens and browsers without
 * JavaScript get). On wide screens a click opens the debate beside the text instead. A drag that selects
 * a claim's words is not a click.
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
    body?.addEventListener("click", onClick);
    return () => body?.removeEventListener("click", onClick);
  }, [router, slug]);
  return null;
}
