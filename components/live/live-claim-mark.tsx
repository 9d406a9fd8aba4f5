"use client";
// A claim mark in the article's text (components/article-body.tsx), kept current by the live stream of
// the article (./live-connection.ts): quiet until people argue it, stronger the more they do, and its
// counts in words ("3 for · 1 against") on hover and keyboard focus, never as superscripts in the text.
import type { ReactNode } from "react";
import { useLiveClaim } from "./live-store";

export interface ClaimFigures {
  supporting: number;
  opposing: number;
}

/** How strongly a claim is marked, by how much it is argued. */
function emphasis(arguments_: number, origin: "article" | "reader") {
  const reader = origin === "reader";
  // A <mark> is yellow unless told otherwise: an unargued claim is only underlined.
  if (arguments_ === 0)
    return reader
      ? "bg-transparent decoration-sky-600/70 decoration-dashed decoration-1"
      : "bg-transparent decoration-amber-600/60 decoration-dotted decoration-1";
  if (arguments_ < 5) return reader ? "bg-sky-50 decoration-sky-600 decoration-dashed decoration-2" : "bg-amber-50 decoration-amber-500 decoration-2";
  return reader ? "bg-sky-100 decoration-sky-700 decoration-dashed decoration-2" : "bg-amber-100 decoration-amber-600 decoration-2";
}

export function countsInWords({ supporting, opposing }: ClaimFigures) {
  return supporting + opposing === 0 ? "No arguments yet" : `${supporting} for · ${opposing} against`;
}

export function LiveClaimMark({
  claimId,
  initial,
  origin,
  raisedBy,
  offset,
  title,
  children,
}: {
  claimId: string;
  initial: ClaimFigures;
  origin: "article" | "reader";
  raisedBy: string | undefined;
  offset: number;
  title: string;
  children: ReactNode;
}) {
  const figures = useLiveClaim(claimId) ?? initial;
  const words = countsInWords(figures);
  const kind = raisedBy === undefined ? "claim" : `claim raised by ${raisedBy}`;
  return (
    <>
      <mark
        data-testid="claim"
        data-offset={offset}
        title={title}
        className={`rounded-sm text-ink underline underline-offset-4 transition-colors group-hover:bg-amber-100 group-focus-visible:bg-amber-100 ${emphasis(figures.supporting + figures.opposing, origin)}`}
      >
        {children}
      </mark>
      <span
        aria-hidden="true"
        data-testid="claim-counts"
        className="pointer-events-none absolute bottom-full left-0 z-20 mb-1 hidden whitespace-nowrap rounded bg-ink px-2 py-1 font-sans text-xs font-medium text-white shadow group-hover:block group-focus-visible:block"
      >
        {words}
        {raisedBy === undefined ? null : ` · raised by ${raisedBy}`}
      </span>
      <span className="sr-only">{` (${kind}: ${words.toLowerCase()})`}</span>
    </>
  );
}
