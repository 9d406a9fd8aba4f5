// The HTTP server behind `npm start` and `npm run dev`: Next.js's request handler on node:http.
// Owning the socket lets us record the real peer address in X-Forwarded-For (Next.js only fills it in
// when absent, so a client could otherwise claim any address and dodge per-IP rate limits), and lets
// SIGTERM finish in-flight requests before exiting, and lets ./lib/http-guards.mjs refuse oversized
// bodies (413) and answer 503 while the database is down, and lets ./lib/page-cache.mjs answer anonymous
// readers from memory. See docs/decisions/003, 009 and 011.
import http from "node:http";
import next from "next";
import { checkServerActionBody, createDatabaseGate, limitRequestBody } from "./lib/http-guards.mjs";
import { createPageCache } from "./lib/page-cache.mjs";
import { routeReads } from "./lib/read-routing.mjs";

const dev = process.env.NODE_ENV !== "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || undefined;

const app = next({ dev, port, hostname: host ?? "localhost", turbopack: dev });
await app.prepare();
const handle = app.getRequestHandler();
const databaseGate = createDatabaseGate(process.env.DATABASE_URL);
// Off in development (pages change with the code) and when PAGE_CACHE=off.
const pageCache = dev || process.env.PAGE_CACHE === "off" ? null : createPageCache(process.env.DATABASE_URL);

const server = http.createServer((request, response) => {
  const peer = request.socket.remoteAddress ?? "unknown";
  const forwarded = request.headers["x-forwarded-for"];
  request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
  if (!limitRequestBody(request, response)) return;
  databaseGate.watch(response);
  databaseGate.admit(request, response, () => checkServerActionBody(request, response, (checked) => serve(checked, response)));
});

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
  server.close(() => Promise.allSettled([app.close(), pageCache?.close()]).finally(() => process.exit(0)));
  server.closeIdleConnections();
  // Long-lived connections (live updates, keep-alive) must not hold the shutdown forever.
  setTimeout(() => process.exit(0), 8_000).unref();
}
process.on("SIGTERM", close);
process.on("SIGINT", close);
