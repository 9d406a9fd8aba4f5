import { EXPORT_SIZE_HEADER } from "./read-with-progress";

// An export as a file download: never cached (exports change with every vote), named safely.
export function download(body: string, { type, filename }: { type: string; filename: string }) {
  // Only characters that need no quoting or encoding in Content-Disposition.
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, "");
  // The size lets downloads show how far they are (lib/exchange/read-with-progress.ts). Content-Length
  // does not survive compression (the server gzips for browsers that ask), so it travels on its own.
  const bytes = new TextEncoder().encode(body);
  return new Response(bytes, {
    headers: {
      "Content-Type": type,
      [EXPORT_SIZE_HEADER]: String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${safe}"`,
      "Cache-Control": "no-store",
    },
  });
}
