// Which database a request reads from, when read replicas are configured (DATABASE_REPLICA_URLS;
// decision 012). The edge decides per request; lib/db/client.ts obeys, through lib/db/shared-state.ts.
//
// Replicas lag the primary by a little. So that people always see their own writes:
// - every request that may write (anything but GET/HEAD) reads from the primary, and its answer sets a
//   short-lived cookie that keeps that browser's reads on the primary for PRIMARY_AFTER_WRITE_SECONDS;
// - renders that fill the shared page cache read from the primary, since a PostgreSQL notice of a write
//   can arrive before a replica has replayed it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { sharedState } from "@/lib/db/shared-state";

export const PRIMARY_COOKIE = "arguably-read-primary";
export const PRIMARY_AFTER_WRITE_SECONDS = 10;

type Serve = (request: IncomingMessage, response: ServerResponse) => void;

/** Runs `work` with every database read of the request going to the primary. */
export function onPrimary<T>(work: () => T): T {
  return sharedState().readRouting.run({ primary: true }, work);
}

/** Whether this request's browser wrote recently (its cookie holds the time until which it reads from the primary). */
export function wroteRecently(cookieHeader: string | undefined, now = Date.now()) {
  const match = new RegExp(`(?:^|;\\s*)${PRIMARY_COOKIE}=(\\d{1,15})`).exec(cookieHeader ?? "");
  return Boolean(match) && Number(match![1]) > now;
}

/** Appends the cookie to a write's answer, keeping whatever cookies the app set itself. */
export function markWrite(response: ServerResponse, now = Date.now()) {
  const until = now + PRIMARY_AFTER_WRITE_SECONDS * 1000;
  const cookie = `${PRIMARY_COOKIE}=${until}; Max-Age=${PRIMARY_AFTER_WRITE_SECONDS}; Path=/; HttpOnly; SameSite=Lax`;
  const existing = response.getHeader("set-cookie");
  response.setHeader("set-cookie", existing === undefined ? [cookie] : [...(Array.isArray(existing) ? existing : [String(existing)]), cookie]);
}

/**
 * Serves `request` with reads routed: on the primary for writes and for browsers that just wrote,
 * otherwise wherever lib/db/client.ts sends them (replicas, when there are any).
 */
export function routeReads(request: IncomingMessage, response: ServerResponse, serve: Serve) {
  if (request.method !== "GET" && request.method !== "HEAD") {
    const writeHead = response.writeHead;
    response.writeHead = function writeHeadWithMark(this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
      markWrite(this);
      return writeHead.apply(this, args);
    } as ServerResponse["writeHead"];
    return onPrimary(() => serve(request, response));
  }
  if (wroteRecently(request.headers.cookie)) return onPrimary(() => serve(request, response));
  return serve(request, response);
}
