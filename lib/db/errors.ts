// Telling "the database is down or restarting" apart from every other failure, so people are told
// to retry (503) instead of seeing a generic error. Errors arrive wrapped several times (pg → Prisma's
// driver adapter → Prisma), so the whole cause chain is inspected.
// Used by lib/errors.ts (every transport's failure rule) and the HTTP edge's outage gate (server/guards.ts).
const UNAVAILABLE_CODES = new Set([
  // Node sockets
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
  // PostgreSQL: admin/crash shutdown, cannot connect now, connection exceptions
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  // Prisma: cannot reach server, timed out, server closed the connection
  "P1001",
  "P1002",
  "P1008",
  "P1017",
]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// Not "timeout exceeded when trying to connect": pg-pool says that when all its connections are busy,
// which is overload (found by npm run bench), not an outage; a stopped server refuses at once.
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connect ECONNREFUSED|Can't reach database server|Server has closed the connection|the database system is (shutting down|starting up)|terminating connection due to administrator command|connection error and is not queryable/i;

/** The error itself, its causes, and the driver error Prisma keeps in `meta`. */
function* causes(error: unknown): Generator<object> {
  const queue = [error];
  const seen = new Set<unknown>();
  while (queue.length) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    yield current;
    queue.push((current as { cause?: unknown }).cause, (current as { meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError);
  }
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const current of causes(error)) {
    const { code, kind, message, originalCode } = current as { code?: unknown; kind?: unknown; message?: unknown; originalCode?: unknown };
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof originalCode === "string" && UNAVAILABLE_CODES.has(originalCode)) return true;
    if (typeof kind === "string" && UNAVAILABLE_KINDS.has(kind)) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
  }
  return false;
}

export const DATABASE_UNAVAILABLE_MESSAGE = "Arguably cannot reach its database right now, so nothing was saved. Please try again in a few seconds.";
