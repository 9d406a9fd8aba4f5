"use client";
// The app's one link between its pages (ESLint keeps next/link out of everything else; decision 022).
// Next.js prefetches a <Link> as soon as it is on screen, and every prefetch of a debate page is a
// request the server must answer: an article with a few dozen claim marks and a header of links set off
// twenty of them per view, for pages a reader rarely opens. This link prefetches on intent instead: when
// a pointer rests on it, it takes focus, or a finger touches it, which comes a few hundred milliseconds
// before the click. The pages it opens are answered from their shared render (server/page-cache.ts), so
// the navigation itself stays a cache hit.
import NextLink from "next/link";
import { useState, type ComponentProps, type FocusEvent, type PointerEvent, type TouchEvent } from "react";

type LinkProps = Omit<ComponentProps<typeof NextLink>, "prefetch"> & {
  /** false: not even on intent (a page that must be fetched fresh when opened, e.g. after signing out). */
  prefetch?: false;
};

export function Link({ prefetch, onPointerEnter, onFocus, onTouchStart, ...props }: LinkProps) {
  const [intent, setIntent] = useState(false);
  const show = () => {
    if (prefetch !== false) setIntent(true);
  };
  return (
    <NextLink
      {...props}
      // null is Next.js's default prefetch, asked for only once the reader shows intent.
      prefetch={intent ? null : false}
      onPointerEnter={(event: PointerEvent<HTMLAnchorElement>) => {
        show();
        onPointerEnter?.(event);
      }}
      onFocus={(event: FocusEvent<HTMLAnchorElement>) => {
        show();
        onFocus?.(event);
      }}
      onTouchStart={(event: TouchEvent<HTMLAnchorElement>) => {
        show();
        onTouchStart?.(event);
      }}
    />
  );
}
