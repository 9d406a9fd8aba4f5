"use client";

// An export download that shows its progress: the server's preparation (with the seconds it takes),
// then the bytes received of the file's size, then the browser's own save. Without JavaScript, or with
// a modifier key (open in a new tab), it is the plain link it renders.
import { useRef, useState, type MouseEvent } from "react";
import { describeProgress, DownloadError, downloadWithProgress, type DownloadProgress } from "@/lib/exchange/read-with-progress";

/** Below this, the operation finishes before a bar would help; no flicker for small files. */
const SHOW_AFTER_MS = 300;

export function ExportLink({ href, children }: { href: string; children: React.ReactNode }) {
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
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

  const fraction = progress?.phase === "receiving" && progress.total ? progress.received / progress.total : null;
  return (
    <span className="inline-flex flex-col">
      <a href={href} onClick={download} className="text-accent hover:underline" aria-busy={progress ? true : undefined}>
        {children}
      </a>
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
    </span>
  );
}
