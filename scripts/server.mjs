// The HTTP server behind `npm start` and `npm run dev`: Next.js's request handler on node:http.
// Owning the socket lets us record the real peer address in X-Forwarded-For (Next.js only fills it in
// when absent, so a client could otherwise claim any address and dodge per-IP rate limits), and lets
// SIGTERM finish in-flight requests before exiting, and lets ./lib/http-guards.mjs refuse oversized
// bodies (413) and answer 503 while the database is down. See docs/decisions/003 and 009.
import http from "node:http";
import next from "next";
import { checkServerActionBody, createDatabaseGate, limitRequestBody } from "./lib/http-guards.mjs";

const dev = process.env.NODE_ENV !== "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || undefined;

const app = next({ dev, port, hostname: host ?? "localhost", turbopack: dev });
await app.prepare();
const handle = app.getRequestHandler();
const databaseGate = createDatabaseGate(process.env.DATABASE_URL);

const server = http.createServer((request, response) => {
  const peer = request.socket.remoteAddress ?? "unknown";
  const forwarded = request.headers["x-forwarded-for"];
  request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
  if (!limitRequestBody(request, response)) return;
  databaseGate.watch(response);
  databaseGate.admit(request, response, () => checkServerActionBody(request, response, (checked) => handToNext(checked, response)));
});

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
  server.close(() => app.close().finally(() => process.exit(0)));
  server.closeIdleConnections();
  // Long-lived connections (live updates, keep-alive) must not hold the shutdown forever.
  setTimeout(() => process.exit(0), 8_000).unref();
}
process.on("SIGTERM", close);
process.on("SIGINT", close);
