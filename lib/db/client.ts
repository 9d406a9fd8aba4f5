// The Prisma clients of the web app. Server-only: importing it from a client component fails the build.
//
// With DATABASE_REPLICA_URLS set (decision 012), model reads go to a replica through
// @prisma/extension-read-replicas, and raw-SQL reads through getReadDb(); writes, transactions and raw
// SQL on getDb() stay on the primary. A request that writes, or comes from a browser that wrote in the
// last seconds, reads from the primary (server/read-routing.ts decides, through ./shared-state.ts), so
// people always see their own writes.
import "server-only";
import { readReplicas } from "@prisma/extension-read-replicas";
import { createPrismaClient, type Database } from "./prisma";
import { sharedState } from "./shared-state";
import type { SqlRunner, SqlStatement } from "./sql-runner";
import { databaseUrl, replicaUrlsSetting } from "@/lib/env";

interface ReplicaClients {
  key: string;
  primary: Database;
  routed: Database;
  replicas: Database[];
}

const state = globalThis as unknown as {
  arguablyPrisma?: Database;
  arguablyReplicaClients?: ReplicaClients;
};

function connectionString() {
  const url = databaseUrl();
  if (!url) {
    throw new Error("DATABASE_URL is not set. Start Arguably with `npm start` or `npm run dev`, which provide it.");
  }
  return url;
}

/** Created on first use, so that `next build` never needs a database. Reused across hot reloads in dev. */
export function getPrimaryDb(): Database {
  state.arguablyPrisma ??= createPrismaClient(connectionString());
  return state.arguablyPrisma;
}

// Called for every query: the common cases (no replicas; the clients already made) cost a comparison.
function replicaClients(): ReplicaClients | null {
  const key = replicaUrlsSetting();
  if (!key.trim()) return null;
  const primary = getPrimaryDb();
  if (state.arguablyReplicaClients?.key !== key || state.arguablyReplicaClients.primary !== primary) {
    const urls = key
      .split(",")
      .map((url) => url.trim())
      .filter(Boolean);
    const replicas = urls.map((url) => createPrismaClient(url));
    // The extension is typed against @prisma/client's own client; ours is generated (same runtime).
    const routed = primary.$extends(readReplicas({ replicas: replicas as never })) as unknown as Database;
    state.arguablyReplicaClients = { key, primary, routed, replicas };
  }
  return state.arguablyReplicaClients;
}

function readsFromPrimary() {
  return sharedState().readRouting.getStore()?.primary === true;
}

/** The client for everything: writes on the primary; model reads on a replica when there are any. */
export function getDb(): Database {
  const replicated = replicaClients();
  return replicated && !readsFromPrimary() ? replicated.routed : getPrimaryDb();
}

/** For raw-SQL reads ($queryRaw), which getDb() would send to the primary: a replica by the same rules. */
export function getReadDb(): Database {
  const replicated = replicaClients();
  if (!replicated || readsFromPrimary()) return getPrimaryDb();
  return replicated.replicas[Math.floor(Math.random() * replicated.replicas.length)];
}

/** getDb() as a SqlRunner, for commands shared with the HTTP edge (lib/db/sql-runner.ts). */
export const appSql: SqlRunner = <Row extends object>(statement: SqlStatement) => getDb().$queryRawUnsafe<Row[]>(statement.text, ...statement.values);
