// The edge's error answer, for whatever asked: RFC 9457 problem details (lib/errors.ts, the same body
// as every route handler's) for programs, server actions and the public API (with its CORS headers);
// a small self-contained page for browsers; nothing but the status for HEAD.
import type { IncomingMessage, ServerResponse } from "node:http";
import { CORS_HEADERS } from "@/lib/api/problem";
import { type AppError, problemDetails, problemHeaders } from "@/lib/errors";

const PAGE_STYLE = "body{font-family:Georgia,serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1c1917}h1{font-size:1.75rem}";

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const pathOf = (request: IncomingMessage) => (request.url ?? "/").split("?")[0];

/** Programs and server actions read JSON; browsers navigating read a page. */
function wantsJson(request: IncomingMessage) {
  const accept = String(request.headers.accept ?? "");
  return (
    pathOf(request).startsWith("/api/") || Boolean(request.headers["next-action"]) || (accept.includes("application/json") && !accept.includes("text/html"))
  );
}

/**
 * Answers `request` with `error`. `title` heads the browser's page ("Briefly unavailable"); programs
 * get the problem's standard title. A body may still be arriving after a 413: the connection closes.
 */
export function sendProblem(request: IncomingMessage, response: ServerResponse, error: AppError, title = "Something went wrong") {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.statusCode = error.status;
  const json = wantsJson(request);
  const headers: Record<string, string> = json ? problemHeaders(error) : { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...error.headers };
  if (pathOf(request).startsWith("/api/v1/")) Object.assign(headers, CORS_HEADERS);
  if (error.status === 413) headers.Connection = "close";
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  if (json) {
    response.end(JSON.stringify(problemDetails(error)));
    return;
  }
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  response.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
      `<title>${escapeHtml(title)} · Arguably</title><style>${PAGE_STYLE}</style></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(error.message)}</p></body></html>`,
  );
}
