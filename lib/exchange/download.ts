// An export as a file download: never cached (exports change with every vote), named safely.
export function download(body: string, { type, filename }: { type: string; filename: string }) {
  // Only characters that need no quoting or encoding in Content-Disposition.
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, "");
  return new Response(body, { headers: { "Content-Type": type, "Content-Disposition": `attachment; filename="${safe}"`, "Cache-Control": "no-store" } });
}
