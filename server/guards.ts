// Guards that run before a request reaches Next.js: body size limits (413), text bodies read and checked
// (400, with ./request-checks.ts) and the database outage gate (503). Every refusal is an AppError
// answered by ./send-problem.ts. See docs/decisions/009-hostile-input-and-outages.md and 015.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { databaseHealth } from "@/lib/db/health";
import { AppError } from "@/lib/errors";
import { bodyIsChecked, checkBody, type Refusal } from "./request-checks";
import { sendProblem } from "./send-problem";

const MB = 1024 * 1024;
/** Oversized bodies up to this size are read (and dropped) before the 413, so the client sees it. */
const DRAIN_LIMIT = 32 * MB;

/** The import endpoint takes whole articles (5 MB of text, JSON-escaped); everything else is small. */
export function bodyLimitFor(request: IncomingMessage) {
  const pathname = (request.url ?? "/").split("?")[0];
  if (pathname === "/api/editor/import") return 12 * MB;
  return 1 * MB;
}

/** A pure check's refusal (./request-checks.ts) as the app's error, with the Allow header of a 405. */
export function refusalError(refusal: Refusal, { nothingSaved = false } = {}) {
  return new AppError(refusal.code, nothingSaved ? `${refusal.detail} Nothing was saved.` : refusal.detail, {
    headers: refusal.allow ? { Allow: refusal.allow } : {},
  });
}

export function serverError() {
  return new AppError("server_error", "Something went wrong on our side. Please try again.");
}

/**
 * Refuses bodies over the limit with 413: at once when Content-Length says so, or as soon as a chunked
 * body passes it. Returns false when the request was refused (the caller must not hand it on).
 */
export function limitRequestBody(request: IncomingMessage, response: ServerResponse) {
  const limit = bodyLimitFor(request);
  const tooLarge = () =>
    sendProblem(
      request,
      response,
      new AppError("payload_too_large", `That request is larger than Arguably accepts here (${Math.round(limit / MB)} MB). Nothing was saved.`),
      "Too large",
    );
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
    request.push = function countedPush(this: IncomingMessage, chunk: Buffer | null, encoding?: BufferEncoding) {
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

/** Whether the database answers a probe; a probe that times out counts as no answer too. */
async function databaseAnswers(connectionString: string) {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 1_000, query_timeout: 1_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch (error) {
    return !isDatabaseUnavailable(error) && !/timeout/i.test(String((error as Error | undefined)?.message));
  } finally {
    client.end().catch(() => undefined);
  }
}

export type DatabaseGate = ReturnType<typeof createDatabaseGate>;

/**
 * While the database is unreachable, pages and actions cannot work: say so with a 503 instead of a 500.
 * The app marks the database unavailable the moment a connection or query fails for lack of it
 * (lib/db/health.ts, shared with the app through lib/db/shared-state.ts); from then on requests are
 * answered here with a 503, and at most two probes per second, driven by incoming requests, check
 * whether it is back. A request that was already inside Next.js when the database went away keeps
 * Next.js's error page, with its status turned from 500 into 503. Static files pass regardless.
 */
export function createDatabaseGate(connectionString: string, { log = console.error }: { log?: (message: string) => void } = {}) {
  const health = databaseHealth();
  let lastProbe = 0;
  let probing: Promise<boolean> | null = null;
  let reported: boolean | null = null;

  function probe() {
    probing ??= databaseAnswers(connectionString).then((answers) => {
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

  const unavailable = (request: IncomingMessage, response: ServerResponse) =>
    sendProblem(
      request,
      response,
      new AppError(
        "unavailable",
        "Arguably cannot reach its database right now. Nothing was lost and nothing was half-saved; please try again in a few seconds.",
        {
          retryAfterSeconds: 5,
        },
      ),
      "Briefly unavailable",
    );

  return {
    /** Calls `proceed()` when the request may go on; otherwise answers it with 503. */
    admit(request: IncomingMessage, response: ServerResponse, proceed: () => void) {
      if (health.unavailableSince === null || (request.url ?? "").startsWith("/_next/static/")) return proceed();
      const answers = Date.now() - lastProbe >= 500 ? probe() : Promise.resolve(false);
      void answers.then((up) => {
        report();
        if (up) proceed();
        else unavailable(request, response);
      });
    },
    /** Turns a 500 that the lost database caused into a 503 with Retry-After. */
    watch(response: ServerResponse) {
      const writeHead = response.writeHead;
      response.writeHead = function writeHeadDuringOutage(this: ServerResponse, status: number, ...rest: unknown[]) {
        if (status === 500 && health.unavailableSince !== null) {
          report();
          this.statusCode = 503;
          if (!this.hasHeader("Retry-After")) this.setHeader("Retry-After", "5");
          return (writeHead as (...args: unknown[]) => ServerResponse).call(this, 503, ...(typeof rest[0] === "string" ? rest.slice(1) : rest));
        }
        return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest);
      } as ServerResponse["writeHead"];
    },
  };
}

/** The same request (socket, method, URL, headers) with its body already in hand, for Next.js to read. */
function replayWithBody(request: IncomingMessage, body: Buffer) {
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
function serverActionBodyIsValid(contentType: string, body: Buffer) {
  if (contentType.startsWith("text/plain")) {
    try {
      return Array.isArray(JSON.parse(body.toString("utf8")));
    } catch {
      return false;
    }
  }
  if (contentType.startsWith("multipart/form-data")) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
    return Boolean(boundary) && body.includes(`--${boundary![1] ?? boundary![2]}--`);
  }
  return contentType.startsWith("application/x-www-form-urlencoded");
}

const WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

/**
 * Reads a text body (JSON, form, text, multipart; its size is already bounded above) and refuses it
 * with 400 when ./request-checks.ts finds it unreadable or holding NUL, or when it is a server-action
 * call that cannot be decoded (which would fail deep inside Next.js with a 500). Otherwise hands on an
 * identical request carrying the bytes read. Other requests pass as they are.
 */
export function checkRequestBody(request: IncomingMessage, response: ServerResponse, proceed: (request: IncomingMessage) => void) {
  const contentType = String(request.headers["content-type"] ?? "");
  const serverAction = Boolean(request.headers["next-action"]) && request.method === "POST";
  if (!WITH_BODY.has(request.method ?? "") || (!serverAction && !bodyIsChecked(contentType))) return proceed(request);
  const chunks: Buffer[] = [];
  const finish = async () => {
    const body = Buffer.concat(chunks);
    const refusal = bodyIsChecked(contentType) ? await checkBody(contentType, body) : null;
    if (refusal) {
      sendProblem(request, response, refusalError(refusal, { nothingSaved: true }), "Bad request");
      return;
    }
    if (serverAction && !serverActionBodyIsValid(contentType, body)) {
      sendProblem(
        request,
        response,
        new AppError("invalid_request", "That request could not be read: its body is not valid. Nothing was saved."),
        "Bad request",
      );
      return;
    }
    proceed(replayWithBody(request, body));
  };
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () =>
    finish().catch((error) => {
      console.error(error);
      sendProblem(request, response, serverError());
    }),
  );
  request.on("error", () => response.destroy());
}
