// Guards that run in scripts/server.mjs before a request reaches Next.js: body size limits (413), text
// bodies read and checked (400, with the checks of lib/http/request-checks.ts passed in) and the
// database outage gate (503). Plain JavaScript because the production server runs on bare Node.
// See docs/decisions/009-hostile-input-and-outages.md and 015.
import http from "node:http";
import pg from "pg";
import { tsImport } from "tsx/esm/api";

// The public API's one problem-details shape (RFC 9457), codes and CORS headers: the answers given here
// to /api/v1 are the same as the API's own (lib/api/problem.ts; it loads no other runtime code).
const { ApiProblem, CODE_OF_STATUS, CORS_HEADERS, problemBody } = await tsImport("../../lib/api/problem.ts", import.meta.url);

const MB = 1024 * 1024;
/** Oversized bodies up to this size are read (and dropped) before the 413, so the client sees it. */
const DRAIN_LIMIT = 32 * MB;

/** The import endpoint takes whole articles (5 MB of text, JSON-escaped); everything else is small. */
export function bodyLimitFor(request) {
  const pathname = (request.url ?? "/").split("?")[0];
  if (pathname === "/api/editor/import") return 12 * MB;
  return 1 * MB;
}

function wantsJson(request) {
  const pathname = (request.url ?? "/").split("?")[0];
  const accept = String(request.headers.accept ?? "");
  return pathname.startsWith("/api/") || Boolean(request.headers["next-action"]) || (accept.includes("application/json") && !accept.includes("text/html"));
}

const PAGE_STYLE = "body{font-family:Georgia,serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1c1917}h1{font-size:1.75rem}";

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * A self-contained error answer: problem details for the public API (titled by status, as all of the
 * API's are), JSON for other programs and server actions, a small page for browsers. `allow` sets the
 * Allow header of a 405.
 */
export function sendError(request, response, status, { title, message, retryAfterSeconds, allow, code }) {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.statusCode = status;
  if (retryAfterSeconds) response.setHeader("Retry-After", String(retryAfterSeconds));
  if (allow) response.setHeader("Allow", allow);
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("X-Content-Type-Options", "nosniff");
  // The refused body may still be arriving: close the connection rather than read it all.
  if (status === 413) response.setHeader("Connection", "close");
  if ((request.url ?? "").startsWith("/api/v1/")) {
    const problem = new ApiProblem(status, code ?? CODE_OF_STATUS[status] ?? "invalid_request", message);
    response.setHeader("Content-Type", "application/problem+json; charset=utf-8");
    for (const [name, value] of Object.entries(CORS_HEADERS)) response.setHeader(name, value);
    response.end(JSON.stringify(problemBody(problem)));
    return;
  }
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  if (wantsJson(request)) {
    response.setHeader("Content-Type", "application/json; charset=utf-8");
    response.end(JSON.stringify({ type: "error", status, message }));
    return;
  }
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  response.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
      `<title>${escapeHtml(title)} · Arguably</title><style>${PAGE_STYLE}</style></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>`,
  );
}

/**
 * Refuses bodies over the limit with 413: at once when Content-Length says so, or as soon as a chunked
 * body passes it. Returns false when the request was refused (the caller must not hand it on).
 */
export function limitRequestBody(request, response) {
  const limit = bodyLimitFor(request);
  const tooLarge = () =>
    sendError(request, response, 413, {
      title: "Too large",
      message: `That request is larger than Arguably accepts here (${Math.round(limit / MB)} MB). Nothing was saved.`,
    });
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    // Answering while the client is still sending makes it see a broken pipe instead of the 413: read
    // a moderately oversized body to its end first (discarding it); refuse absurd ones at once.
    request.resume();
    if (declared <= DRAIN_LIMIT) {
      request.once("end", tooLarge);
      request.once("error", () => response.destroy());
    } else tooLarge();
    return false;
  }
  if (request.headers["transfer-encoding"]) {
    // Count bytes as the parser hands them over, without reading the stream (that is Next.js's job).
    let received = 0;
    const push = request.push;
    request.push = function countedPush(chunk, encoding) {
      received += chunk?.length ?? 0;
      if (received > limit) {
        if (!response.headersSent) tooLarge();
        request.destroy();
        return false;
      }
      return push.call(this, chunk, encoding);
    };
  }
  return true;
}

/**
 * Whether the database answers a probe. `isUnavailable` is lib/db/errors.ts's rule (passed in by
 * scripts/server.mjs, which loads the app's TypeScript); a probe that times out counts as no answer too.
 */
async function databaseAnswers(connectionString, isUnavailable) {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 1_000, query_timeout: 1_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch (error) {
    return !isUnavailable(error) && !/timeout/i.test(String(error?.message));
  } finally {
    client.end().catch(() => undefined);
  }
}

/**
 * While the database is unreachable, pages and actions cannot work: say so with a 503 instead of a 500.
 * The app marks the database unavailable the moment a connection or query fails for lack of it
 * (lib/db/health.ts, shared through globalThis); from then on requests are answered here with a 503
 * page (or JSON), and at most two probes per second, driven by incoming requests, checks whether it is
 * back. A request that was already inside Next.js when the database went away keeps Next.js's error
 * page, with its status turned from 500 into 503. Static files pass regardless.
 */
export function createDatabaseGate(connectionString, { isUnavailable, log = console.error }) {
  globalThis.arguablyDatabaseHealth ??= { unavailableSince: null };
  const health = globalThis.arguablyDatabaseHealth;
  let lastProbe = 0;
  let probing = null;
  let reported = null;

  function probe() {
    probing ??= databaseAnswers(connectionString, isUnavailable).then((answers) => {
      lastProbe = Date.now();
      probing = null;
      if (answers) health.unavailableSince = null;
      else health.unavailableSince ??= Date.now();
      return answers;
    });
    return probing;
  }

  function report() {
    const down = health.unavailableSince !== null;
    if (down === reported) return;
    reported = down;
    log(down ? "arguably: the database is not answering; serving 503 until it is back" : "arguably: the database is back");
  }

  const unavailable = (request, response) =>
    sendError(request, response, 503, {
      title: "Briefly unavailable",
      message: "Arguably cannot reach its database right now. Nothing was lost and nothing was half-saved; please try again in a few seconds.",
      retryAfterSeconds: 5,
    });

  return {
    /** Calls `proceed()` when the request may go on; otherwise answers it with 503. */
    admit(request, response, proceed) {
      if (health.unavailableSince === null || (request.url ?? "").startsWith("/_next/static/")) return proceed();
      const answers = Date.now() - lastProbe >= 500 ? probe() : Promise.resolve(false);
      void answers.then((up) => {
        report();
        if (up) proceed();
        else unavailable(request, response);
      });
    },
    /** Turns a 500 that the lost database caused into a 503 with Retry-After. */
    watch(response) {
      const writeHead = response.writeHead;
      response.writeHead = function writeHeadDuringOutage(status, ...rest) {
        if (status === 500 && health.unavailableSince !== null) {
          report();
          this.statusCode = 503;
          if (!this.hasHeader("Retry-After")) this.setHeader("Retry-After", "5");
          return writeHead.call(this, 503, ...(typeof rest[0] === "string" ? rest.slice(1) : rest));
        }
        return writeHead.call(this, status, ...rest);
      };
    },
  };
}

/** The same request (socket, method, URL, headers) with its body already in hand, for Next.js to read. */
function replayWithBody(request, body) {
  const replay = new http.IncomingMessage(request.socket);
  replay.method = request.method;
  replay.url = request.url;
  replay.httpVersion = request.httpVersion;
  replay.httpVersionMajor = request.httpVersionMajor;
  replay.httpVersionMinor = request.httpVersionMinor;
  replay.headers = request.headers;
  replay.rawHeaders = request.rawHeaders;
  replay.complete = true;
  if (body.length) replay.push(body);
  replay.push(null);
  return replay;
}

/** React encodes a server action's arguments as a JSON array (text/plain) or as multipart form data. */
function serverActionBodyIsValid(contentType, body) {
  if (contentType.startsWith("text/plain")) {
    try {
      return Array.isArray(JSON.parse(body.toString("utf8")));
    } catch {
      return false;
    }
  }
  if (contentType.startsWith("multipart/form-data")) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
    return Boolean(boundary) && body.includes(`--${boundary[1] ?? boundary[2]}--`);
  }
  return contentType.startsWith("application/x-www-form-urlencoded");
}

const WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

/**
 * Reads a text body (JSON, form, text, multipart; its size is already bounded above) and refuses it
 * with 400 when `checks.checkBody` (lib/http/request-checks.ts) finds it unreadable or holding NUL, or
 * when it is a server-action call that cannot be decoded (which would fail deep inside Next.js with a
 * 500). Otherwise hands on an identical request carrying the bytes read. Other requests pass as they are.
 */
export function checkRequestBody(request, response, checks, proceed) {
  const contentType = String(request.headers["content-type"] ?? "");
  const serverAction = Boolean(request.headers["next-action"]) && request.method === "POST";
  if (!WITH_BODY.has(request.method ?? "") || (!serverAction && !checks.bodyIsChecked(contentType))) return proceed(request);
  const chunks = [];
  const finish = async () => {
    const body = Buffer.concat(chunks);
    const refusal = checks.bodyIsChecked(contentType) ? await checks.checkBody(contentType, body) : null;
    if (refusal) {
      sendError(request, response, refusal.status, { title: "Bad request", message: `${refusal.detail} Nothing was saved.`, code: refusal.code });
      return;
    }
    if (serverAction && !serverActionBodyIsValid(contentType, body)) {
      sendError(request, response, 400, { title: "Bad request", message: "That request could not be read: its body is not valid. Nothing was saved." });
      return;
    }
    proceed(replayWithBody(request, body));
  };
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => finish().catch((error) => {
    console.error(error);
    sendError(request, response, 500, { title: "Server error", message: "Something went wrong on our side. Please try again." });
  }));
  request.on("error", () => response.destroy());
}
