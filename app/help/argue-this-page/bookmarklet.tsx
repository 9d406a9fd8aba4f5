"use client";
// The "Argue this page" bookmarklet as a link to drag to the bookmarks bar. React refuses javascript:
// addresses in what it renders (rightly, for anything users write), so this one trusted, fixed address
// is set on the element after it is drawn.
import { useEffect, useRef } from "react";

export function Bookmarklet({ appUrl }: { appUrl: string }) {
  const link = useRef<HTMLAnchorElement>(null);
  const code = `javascript:(()=>{location.href=${JSON.stringify(`${appUrl}/submit?url=`)}+encodeURIComponent(location.href)+'&text='+encodeURIComponent(String(getSelection()).slice(0,600))})()`;
  useEffect(() => link.current?.setAttribute("href", code), [code]);
  return (
    <p className="space-y-2">
      <a
        ref={link}
        data-testid="bookmarklet"
        className="inline-block cursor-grab rounded-md border border-accent bg-white px-4 py-2 font-medium text-accent"
        onClick={(event) => event.preventDefault()}
      >
        Argue this page
      </a>
      <span className="block text-xs text-muted">Drag this button to your bookmarks bar. Clicking it here does nothing.</span>
    </p>
  );
}
