"use client";

// An export download that shows its progress: the server's preparation (with the seconds it takes),
// then the bytes received of the file's size, then the browser's own save. The downloads are links in
// menus (components/ui/menu.tsx MenuDownload): with a modifier key (open in a new tab) or without
// JavaScript they are plain links; otherwise this hook takes the click over and shows the progress
// beside the menu's button (the menu itself closes when an item is chosen).
import { useRef, useState, type MouseEvent } from "react";
import { describeProgress, DownloadError, downloadWithProgress, type DownloadProgress } from "@/lib/exchange/read-with-progress";

/** Below this, the operation finishes before a bar would help; no flicker for small files. */
const SHOW_AFTER_MS = 300;

/** A click that should open the link the browser's way (a new tab or window, a save dialog). */
const wantsBrowser = (event: MouseEvent) => event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0;

export function useExportDownload() {
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);

  async function download(href: string) {
    if (busy.current) return;
    busy.current = true;
    setError(null);
    try {
      const file = await downloadWithProgress(href, (next) => setProgress(next.elapsedMs >= SHOW_AFTER_MS ? next : null));
      const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.contentType ?? "application/octet-stream" }));
      const anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = file.filename ?? "export";
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      setError(failure instanceof DownloadError ? failure.message : "The export could not be downloaded; check your connection and try again.");
    } finally {
      busy.current = false;
      setProgress(null);
    }
  }

  /** For a link's onClick: downloads with progress unless the reader asked for the browser's own handling. */
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (wantsBrowser(event)) return;
    event.preventDefault();
    void download(event.currentTarget.getAttribute("href")!);
  };

  const fraction = progress?.phase === "receiving" && progress.total ? progress.received / progress.total : null;
  const status = (
    <>
      {progress ? (
        <span role="status" className="text-xs text-muted" data-testid="export-progress">
          {/* No value while the server prepares: an indeterminate bar, as nothing can be measured yet. */}
          <progress className="block w-40" max={1} value={fraction ?? undefined} aria-label="Export progress" />
          {describeProgress(progress)}
        </span>
      ) : null}
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </>
  );
  return { onClick, busy: progress !== null, status };
}
