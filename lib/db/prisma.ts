// Builds a Prisma client on the pg driver adapter. Not server-only, so scripts and tests can use it;
// the web app goes through ./client.ts.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { isDatabaseUnavailable } from "./errors";
import { markDatabaseUnavailable } from "./health";

export type Database = PrismaClient;

function noteFailure(error: unknown) {
  if (isDatabaseUnavailable(error)) markDatabaseUnavailable();
}

/**
 * Our own pool (rather than the adapter's) so that a lost database is noticed where it happens:
 * failed connects, queries cut off by a shutdown, and idle connections dropped by a restart (which
 * would otherwise crash the process as an unhandled 'error' event).
 */
function createPool(connectionString: string, max: number) {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5_000 });
  pool.on("error", noteFailure);
  pool.on("connect", (client) => {
    client.on("error", noteFailure);
    const query = client.query;
    client.query = function observedQuery(this: pg.PoolClient, ...args: unknown[]) {
      const result = (query as (...a: unknown[]) => unknown).apply(this, args);
      if (result instanceof Promise) result.catch(noteFailure);
      return result;
    } as typeof client.query;
  });
  const connect = pool.connect;
  pool.connect = function observedConnect(this: pg.Pool, ...args: unknown[]) {
    const callback = args[0];
    if (typeof callback === "function") {
      return (connect as (cb: unknown) => void).call(this, (error: unknown, ...rest: unknown[]) => {
        if (error) noteFailure(error);
        callback(error, ...rest);
      });
    }
    const connecting = (connect as () => Promise<pg.PoolClient>).call(this);
    connecting.catch(noteFailure);
    return connecting;
  } as typeof pool.connect;
  return pool;
}

const TRANSACTION_MAX_WAIT_MS = 10_000;

export function createPrismaClient(connectionString: string, { max = 10 }: { max?: number } = {}): Database {
  // disposeExternalPool: $disconnect() closes the pool's connections, as it does for a pool Prisma owns.
  // (No onPoolError/onConnectionError: createPool's own listeners already see those errors.)
  const adapter = new PrismaPg(createPool(connectionString, max), { disposeExternalPool: true });
  // A write waits up to 10 s for a free connection (Prisma's default is 2 s): under a crowd (the load
  // run's 200 people on two cores) a short wait then a 500 loses the write; a longer wait keeps it.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS } });
}
