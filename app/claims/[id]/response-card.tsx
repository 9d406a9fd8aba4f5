// How one response looks, wherever it is drawn: by the server (./response-tree.tsx) or in the browser
// when it arrives live (./live-parts.tsx). No hooks, so both can use it. Its item takes focus (tabIndex
// -1) when it is the person's own new response, so keyboard users land on what they just posted.
import type { ReactNode } from "react";

export function ResponseCard({
  id,
  fresh = false,
  byline,
  body,
  sources,
  controls,
  children,
}: {
  id: string;
  /** Arrived after the page was drawn. */
  fresh?: boolean;
  byline: ReactNode;
  body: ReactNode;
  sources: ReactNode;
  controls: ReactNode;
  /** Its replies. */
  children?: ReactNode;
}) {
  return (
    <li
      id={`response-${id}`}
      tabIndex={-1}
      data-testid="response"
      data-live={fresh ? "new" : undefined}
      className={`scroll-mt-4 rounded-lg border bg-white p-3 focus:outline-2 focus:outline-offset-2 focus:outline-accent ${fresh ? "border-sky-300" : "border-line"}`}
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">{byline}</div>
      <div className="mt-1.5 text-sm leading-relaxed" data-testid="response-body">
        {body}
      </div>
      {sources}
      {controls}
      {children}
    </li>
  );
}
