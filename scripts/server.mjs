// The HTTP server behind `npm start` and `npm run dev`: Next.js's request handler on node:http.
// Owning the socket lets us record the real peer address in X-Forwarded-For (Next.js only fills it in
// when absent, so a client could otherwise claim any address and dodge per-IP rate limits), and lets
// SIGTERM finish in-flight requests before exiting, and lets ./lib/http-guards.mjs refuse oversized
// bodies (413) and answer 503 while the database is down, and lets ./lib/page-cache.mjs answer anonymous
// readers from memory. See docs/decisions/003, 009 and 011.
import http from "node:http";
import next from "next";
import pg from "pg";
import { tsImport } from "tsx/esm/api";
import { checkRequestBody, createDatabaseGate, limitRequestBody, sendError } from "./lib/http-guards.mjs";
import { createPageCache } from "./lib/page-cache.mjs";
import { markWrite, routeReads } from "./lib/read-routing.mjs";

const dev = process.env.NODE_ENV !== "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || undefined;

const app = next({ dev, port, hostname: host ?? "localhost", turbopack: dev });
await app.prepare();
const handle = app.getRequestHandler();
// One rule for "the database is down" (lib/db/errors.ts), loaded through tsx like the vote endpoint.
const { isDatabaseUnavailable } = await tsImport("../lib/db/errors.ts", import.meta.url);
const databaseGate = createDatabaseGate(process.env.DATABASE_URL, { isUnavailable: isDatabaseUnavailable });
// Off in development (pages change with the code) and when PAGE_CACHE=off.
const pageCache = dev || process.env.PAGE_CACHE === "off" ? null : createPageCache(process.env.DATABASE_URL);

// Claim votes are answered here, without Next.js (decision 013): the handler is TypeScript shared with
// the app (lib/fast-writes), loaded through tsx, on a pool of its own on the primary.
const votePool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
votePool.on("error", () => {}); // a dropped idle connection; the next query reports any outage
const { createFastWrites } = await tsImport("../lib/fast-writes/claim-vote.ts", import.meta.url);
const fastWrites = createFastWrites(votePool);

// Hostile bytes and methods are refused before any route sees them (lib/http/request-checks.ts); the
// route list (lib/http/route-list.ts, read from app/ once) says which methods each address takes.
const requestChecks = await tsImport("../lib/http/request-checks.ts", import.meta.url);
const { readAppRoutes, routeMatcher } = await tsImport("../lib/http/route-list.ts", import.meta.url);
const routeAt = routeMatcher(readAppRoutes());

const server = http.createServer((request, response) => {
  try {
    const peer = request.socket.remoteAddress ?? "unknown";
    const forwarded = request.headers["x-forwarded-for"];
    request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
    const path = (request.url ?? "/").split("?")[0];
    const refusal = requestChecks.checkTarget(request.url ?? "/") ?? requestChecks.checkMethod(request.method ?? "", routeAt(path));
    if (refusal) return refuse(request, response, refusal);
    if (!limitRequestBody(request, response)) return;
    databaseGate.watch(response);
    databaseGate.admit(request, response, () => {
      checkRequestBody(request, response, requestChecks, (checked) => {
        if (fastWrites.matches(path)) return serveFastWrite(checked, response, path);
        serve(checked, response);
      });
    });
  } catch (error) {
    // Nothing above should throw; if something does, the client still gets an answer.
    console.error(error);
    sendError(request, response, 500, { title: "Server error", message: "Something went wrong on our side. Please try again." });
  }
});

function refuse(request, response, refusal) {
  request.resume(); // drain any body, so the client reads the answer rather than a reset
  const title = refusal.status === 405 ? "Method not allowed" : "Bad request";
  sendError(request, response, refusal.status, { title, message: refusal.detail, allow: refusal.allow, code: refusal.code });
}

function serveFastWrite(request, response, path) {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("error", () => response.destroy());
  request.on("end", async () => {
    const answer = await fastWrites.handle({ method: request.method ?? "GET", path, headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
    if (replicated) markWrite(response);
    response.writeHead(answer.status, {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...answer.headers,
    });
    response.end(JSON.stringify(answer.body));
  });
}

// With read replicas, writes and the browsers that just wrote read from the primary (decision 012).
const replicated = Boolean(process.env.DATABASE_REPLICA_URLS?.trim());

function serve(request, response) {
  const respond = (req, res) => (pageCache ? pageCache.handle(req, res, handToNext) : handToNext(req, res));
  if (replicated) routeReads(request, response, respond);
  else respond(request, response);
}

function handToNext(request, response) {
  handle(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) {
      response.statusCode = 500;
      response.setHeader("Content-Type", "text/plain; charset=utf-8");
    }
    response.end("Internal server error");
  });
}

const upgrade = app.getUpgradeHandler();
server.on("upgrade", (request, socket, head) => upgrade(request, socket, head));

server.listen(port, host, () => {
  console.log(`arguably: web server listening on port ${port}`);
});

let closing = false;
function close() {
  if (closing) return;
  closing = true;
  server.close(() => Promise.allSettled([app.close(), pageCache?.close(), votePool.end()]).finally(() => process.exit(0)));
  server.closeIdleConnections();
  // Long-lived connections (live updates, keep-alive) must not hold the shutdown forever.
  setTimeout(() => process.exit(0), 8_000).unref();
}
process.on("SIGTERM", close);
process.on("SIGINT", close);
