// The HTTP server behind `npm start` and `npm run dev`: Next.js's request handler on node:http, with
// what only the owner of the socket can do, in this order (README "Request path"):
// 1. record the real peer address in X-Forwarded-For (Next.js only fills it in when absent, so a client
//    could otherwise claim any address and dodge per-IP rate limits);
// 2. refuse hostile addresses (400) and methods a route does not take (405): ./request-checks.ts with
//    the route list of ./route-list.ts;
// 3. refuse oversized bodies (413) and unreadable text bodies (400), and answer 503 while the database
//    is down: ./guards.ts;
// 4. answer claim votes, posted responses and the per-person layer of pages without Next.js:
//    ./claim-vote-endpoint.ts (decision 013), ./post-response-endpoint.ts and ./crux-endpoint.ts
//    (decision 022) and ./viewer-endpoint.ts (decision 018), and the counters when asked (benchmark);
// 5. route reads to the primary after a write when there are read replicas: ./read-routing.ts;
// 6. answer article, claim, thread and outline pages from their shared render: ./page-cache.ts
//    (decisions 011 and 018);
// 7. hand everything else to Next.js.
// Every refusal is the app's one error (lib/errors.ts) answered by ./send-problem.ts. SIGTERM lets
// in-flight requests finish (./main.ts). See docs/decisions/003, 009, 011, 013, 015 and 017.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import pg from "pg";
import { SHARED_RENDER_HEADER } from "@/lib/debate/viewer-overlay";
import { markDatabaseUnavailable } from "@/lib/db/health";
import { sharedState } from "@/lib/db/shared-state";
import { toAppError } from "@/lib/errors";
import { createClaimVoteEndpoint, type EndpointRequest } from "./claim-vote-endpoint";
import { createCruxEndpoint } from "./crux-endpoint";
import { createPostResponseEndpoint } from "./post-response-endpoint";
import { checkRequestBody, createDatabaseGate, limitRequestBody, refusalError, serverError } from "./guards";
import { createPageCache } from "./page-cache";
import { markWrite, routeReads } from "./read-routing";
import { checkMethod, checkTarget } from "./request-checks";
import { readAppRoutes, routeMatcher } from "./route-list";
import { sendProblem } from "./send-problem";
import { createViewerEndpoint, sendJson } from "./viewer-endpoint";

export interface AppServerConfig {
  /** Development mode: Next.js compiles on demand and the page cache is off (pages change with the code). */
  dev: boolean;
  port: number;
  /** The interface to listen on; every interface when unset. */
  host?: string;
  databaseUrl: string;
  authSecret: string;
  /** The site's public address: https:// means secure session cookies. */
  appUrl: string;
  pageCache: boolean;
  /** Read replicas are configured: writes and the browsers that just wrote read from the primary. */
  replicated: boolean;
  /** GET /api/metrics answers the counters of lib/db/shared-state.ts (for the benchmark). */
  metrics?: boolean;
}

export interface RunningAppServer {
  /** Stops taking connections, lets in-flight requests finish, then closes Next.js and the pools. */
  close(): Promise<void>;
}

export async function serveApp(config: AppServerConfig): Promise<RunningAppServer> {
  const app = next({ dev: config.dev, port: config.port, hostname: config.host ?? "localhost", turbopack: config.dev });
  await app.prepare();
  const handle = app.getRequestHandler();
  const databaseGate = createDatabaseGate(config.databaseUrl);
  const session = { secret: config.authSecret, secureCookies: config.appUrl.startsWith("https://") };
  const counters = sharedState().counters;
  const pageCache = config.pageCache && !config.dev ? createPageCache(config.databaseUrl, { session, onRender: () => (counters.pageRenders += 1) }) : null;
  // Claim votes and the per-person layer run on a pool of their own on the primary.
  const votePool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
  votePool.on("error", () => {}); // a dropped idle connection; the next query reports any outage
  const claimVotes = createClaimVoteEndpoint(votePool, config);
  const postResponses = createPostResponseEndpoint(session);
  const crux = createCruxEndpoint(session);
  const viewer = createViewerEndpoint(votePool, session);
  const routeAt = routeMatcher(readAppRoutes());

  function handToNext(request: IncomingMessage, response: ServerResponse) {
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) {
        response.statusCode = 500;
        response.setHeader("Content-Type", "text/plain; charset=utf-8");
      }
      response.end("Internal server error");
    });
  }

  /** A private read the edge answers itself (the person's layer, their crux): JSON, or problem details. */
  function servePrivateRead(request: IncomingMessage, response: ServerResponse, handle: (request: IncomingMessage) => Promise<unknown>) {
    request.resume();
    handle(request).then(
      (body) => sendJson(response, body),
      (error: unknown) => {
        const problem = toAppError(error);
        if (problem.code === "unavailable") markDatabaseUnavailable();
        sendProblem(request, response, problem);
      },
    );
  }

  function serve(request: IncomingMessage, response: ServerResponse) {
    // Only the page cache says a render is shared (lib/debate/viewer-overlay.ts SHARED_RENDER_HEADER).
    delete request.headers[SHARED_RENDER_HEADER];
    const respond = (req: IncomingMessage, res: ServerResponse) => (pageCache ? pageCache.handle(req, res, handToNext) : handToNext(req, res));
    if (config.replicated) routeReads(request, response, respond);
    else respond(request, response);
  }

  /** A write the edge answers itself: the body read whole (the guards have capped it), then JSON or problem details. */
  function serveWrite(request: IncomingMessage, response: ServerResponse, path: string, handle: (request: EndpointRequest) => Promise<unknown>) {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("error", () => response.destroy());
    request.on("end", async () => {
      if (config.replicated) markWrite(response);
      try {
        const answer = await handle({ method: request.method ?? "GET", path, headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
        response.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
        response.end(JSON.stringify(answer ?? { ok: true }));
      } catch (error) {
        const problem = toAppError(error);
        if (problem.code === "unavailable") markDatabaseUnavailable();
        sendProblem(request, response, problem);
      }
    });
  }

  const server = http.createServer((request, response) => {
    try {
      const peer = request.socket.remoteAddress ?? "unknown";
      const forwarded = request.headers["x-forwarded-for"];
      request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
      const path = (request.url ?? "/").split("?")[0];
      const refusal = checkTarget(request.url ?? "/") ?? checkMethod(request.method ?? "", routeAt(path));
      if (refusal) {
        request.resume(); // drain any body, so the client reads the answer rather than a reset
        return sendProblem(request, response, refusalError(refusal), refusal.status === 405 ? "Method not allowed" : "Bad request");
      }
      if (!limitRequestBody(request, response)) return;
      databaseGate.watch(response);
      databaseGate.admit(request, response, () => {
        checkRequestBody(request, response, (checked) => {
          if (claimVotes.matches(path)) return serveWrite(checked, response, path, claimVotes.handle);
          if (postResponses.matches(path)) return serveWrite(checked, response, path, postResponses.handle);
          if (viewer.matches(path)) return servePrivateRead(checked, response, viewer.handle);
          if (crux.matches(path)) return servePrivateRead(checked, response, crux.handle);
          if (config.metrics && path === "/api/metrics") return sendJson(response, counters);
          serve(checked, response);
        });
      });
    } catch (error) {
      // Nothing above should throw; if something does, the client still gets an answer.
      console.error(error);
      sendProblem(request, response, serverError());
    }
  });

  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (request, socket, head) => upgrade(request, socket, head));
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  console.log(`arguably: web server listening on port ${config.port}`);

  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => void Promise.allSettled([app.close(), pageCache?.close(), votePool.end()]).then(() => resolve()));
        server.closeIdleConnections();
      }),
  };
}
