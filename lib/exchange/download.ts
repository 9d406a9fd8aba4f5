import { EXPORT_SIZE_HEADER } from "./read-with-progress";

interface FileName {
  type: string;
  filename: string;
}

// Only characters that need no quoting or encoding in Content-Disposition.
const attachment = (filename: string) => `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "")}"`;

// An export as a file download: never cached (exports change with every vote), named safely.
export function download(body: string, { type, filename }: FileName) {
  // The size lets downloads show how far they are (lib/exchange/read-with-progress.ts). Content-Length
  // does not survive compression (the server gzips for browsers that ask), so it travels on its own.
  const bytes = new TextEncoder().encode(body);
  return new Response(bytes, {
    headers: {
      "Content-Type": type,
      [EXPORT_SIZE_HEADER]: String(bytes.byteLength),
      "Content-Disposition": attachment(filename),
      "Cache-Control": "no-store",
    },
  });
}

/**
 * An export written as it is read, a page of rows at a time (`parts`, e.g. from lib/exchange/export-rows.ts):
 * memory stays constant whatever the file's size, and the next page is read only when the client has
 * taken the last (the stream pulls). Its size is not known in advance, so no size header.
 */
export function streamedDownload(parts: AsyncIterable<string>, { type, filename }: FileName) {
  const encoder = new TextEncoder();
  const iterator = parts[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": type, "Content-Disposition": attachment(filename), "Cache-Control": "no-store" },
  });
}
