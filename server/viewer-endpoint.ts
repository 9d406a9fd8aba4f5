// GET /api/viewer?article=ID — the per-person layer of a shared page (lib/debate/viewer-overlay.ts),
// answered by the edge without Next.js: every signed-in page view asks it once, so it costs one query on
// the edge's pool (none for a reader without a session). Private and never stored by any cache.
import type { IncomingMessage, ServerResponse } from "node:http";
import type pg from "pg";
import { ANONYMOUS_OVERLAY, readViewerOverlay } from "@/lib/debate/viewer-overlay";
import { poolRunner } from "@/lib/db/sql-runner";
import { AppError } from "@/lib/errors";
import { sessionClaimsOf, type SessionSecrets } from "./session";

export const VIEWER_PATH = "/api/viewer";
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function createViewerEndpoint(pool: pg.Pool, session: SessionSecrets) {
  const sql = poolRunner(pool);
  return {
    matches: (path: string) => path === VIEWER_PATH,
    /** The JSON to answer with; throws the AppError to answer instead. */
    async handle(request: IncomingMessage): Promise<unknown> {
      if (request.method !== "GET" && request.method !== "HEAD") throw new AppError("method_not_allowed", "Ask with GET.", { headers: { Allow: "GET, HEAD" } });
      const articleId = new URL(request.url ?? "/", "http://edge").searchParams.get("article");
      if (articleId !== null && !ID.test(articleId)) throw new AppError("invalid_request", "Give an article id, or none.");
      const claims = await sessionClaimsOf(request.headers, session);
      if (!claims) return ANONYMOUS_OVERLAY;
      return readViewerOverlay(sql, { ...claims, articleId });
    },
  };
}

export function sendJson(response: ServerResponse, body: unknown) {
  response.writeHead(200, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "private, no-store",
    Vary: "Cookie",
    "X-Content-Type-Options": "nosniff",
  });
  response.end(JSON.stringify(body));
}
