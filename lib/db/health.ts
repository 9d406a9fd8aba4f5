// Whether the database is reachable, as last seen by this process. Set the moment a query or a
// connection fails for lack of a database (./prisma.ts, the vote endpoint), and read by the HTTP edge
// (server/guards.ts), which then answers 503 instead of 500 and probes until the database is back.
import { sharedState, type DatabaseHealth } from "./shared-state";

export type { DatabaseHealth };

export function databaseHealth(): DatabaseHealth {
  return sharedState().databaseHealth;
}

export function markDatabaseUnavailable() {
  databaseHealth().unavailableSince ??= Date.now();
}
