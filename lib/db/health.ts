// Whether the database is reachable, as last seen by this process. Set the moment a query or a
// connection fails for lack of a database (./prisma.ts), and read by scripts/server.mjs, which then
// answers 503 instead of 500 and probes until the database is back. Shared through globalThis because
// the server script and the app's bundled modules are loaded separately but run in one process.
export interface DatabaseHealth {
  /** When a failure showed the database unreachable; null while it is believed reachable. */
  unavailableSince: number | null;
}

const shared = globalThis as unknown as { arguablyDatabaseHealth?: DatabaseHealth };

export function databaseHealth(): DatabaseHealth {
  shared.arguablyDatabaseHealth ??= { unavailableSince: null };
  return shared.arguablyDatabaseHealth;
}

export function markDatabaseUnavailable() {
  databaseHealth().unavailableSince ??= Date.now();
}
