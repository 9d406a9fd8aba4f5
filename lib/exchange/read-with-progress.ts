// Reading a download to its end while reporting how far it got: the export links' progress bar in the
// browser (components/export-link.tsx) and the export command's progress line (scripts/export.ts).
// Until the answer's headers arrive the server is still preparing the file (phase "preparing", no
// measure of its own); then bytes received of the file's size (phase "receiving"). Pure web APIs.
import { readProblem } from "@/lib/errors";

/** The file's uncompressed size, sent by exports (lib/exchange/download.ts); Content-Length otherwise. */
export const EXPORT_SIZE_HEADER = "X-Export-Size";

export type DownloadProgress = { phase: "preparing"; elapsedMs: number } | { phase: "receiving"; received: number; total: number | null; elapsedMs: number };

export interface Downloaded {
  bytes: Uint8Array;
  filename: string | null;
  contentType: string | null;
}

/** The filename a Content-Disposition header offers (our exports always send a plain quoted one). */
export function filenameOf(disposition: string | null): string | null {
  return disposition ? (/filename="([^"]+)"/.exec(disposition)?.[1] ?? null) : null;
}

export class DownloadError extends Error {
  override name = "DownloadError";
}

/** Fetches `url` and reads its whole body, calling `onProgress` as it goes (and at least every `tickMs`). */
export async function downloadWithProgress(
  url: string,
  onProgress: (progress: DownloadProgress) => void,
  { tickMs = 250, init }: { tickMs?: number; init?: RequestInit } = {},
): Promise<Downloaded> {
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  let received = 0;
  let total: number | null = null;
  let receiving = false;
  const report = () => onProgress(receiving ? { phase: "receiving", received, total, elapsedMs: elapsed() } : { phase: "preparing", elapsedMs: elapsed() });
  const ticker = setInterval(report, tickMs);
  try {
    report();
    const response = await fetch(url, init);
    if (!response.ok) {
      const problem = await readProblem(response, "no explanation was given.");
      throw new DownloadError(`The export failed (HTTP ${response.status}): ${problem.message}`);
    }
    // fetch hands over the body decompressed, so the compressed Content-Length would not measure it.
    const compressed = (response.headers.get("content-encoding") ?? "identity") !== "identity";
    const length = Number(response.headers.get(EXPORT_SIZE_HEADER) ?? (compressed ? NaN : response.headers.get("content-length")));
    total = Number.isFinite(length) && length > 0 ? length : null;
    receiving = true;
    report();
    const chunks: Uint8Array[] = [];
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
    }
    report();
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return { bytes, filename: filenameOf(response.headers.get("content-disposition")), contentType: response.headers.get("content-type") };
  } finally {
    clearInterval(ticker);
  }
}

/** "Preparing the export… 3 s" / "1.2 MB of 4.0 MB (30%)", for people. */
export function describeProgress(progress: DownloadProgress): string {
  const seconds = Math.floor(progress.elapsedMs / 1000);
  if (progress.phase === "preparing") return `Preparing the export…${seconds >= 1 ? ` ${seconds} s` : ""}`;
  const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`);
  if (progress.total === null) return `Downloading… ${size(progress.received)}`;
  return `Downloading… ${size(progress.received)} of ${size(progress.total)} (${Math.floor((progress.received / progress.total) * 100)}%)`;
}
