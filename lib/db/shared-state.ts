// What the HTTP edge (server/) and the app's bundle share. They run in one process but not one module
// graph (Next.js bundles its own copy of lib/), so module-level variables would be two different
// objects: the state lives on globalThis under one symbol, and this module is the only one that
// touches it. Pure: both sides import it.
import { AsyncLocalStorage } from "node:async_hooks";

export interface DatabaseHealth {
  /** When a failure showed the database unreachable; null while it is believed reachable. */
  unavailableSince: number | null;
}

/** Per request: whether its database reads must go to the primary (decision 012). */
export interface ReadRouting {
  primary: boolean;
}

/** What the benchmark reads (GET /api/metrics, server/metrics-endpoint.ts). */
export interface ServerCounters {
  /** Article, claim, thread and outline pages Next.js rendered (page loads and in-app navigations). */
  pageRenders: number;
  /** Live updates built from notices (lib/live/hub.ts): one per change with readers, per instance. */
  liveBuilds: number;
  /** Live readers connected now. */
  liveReaders: number;
}

/**
 * Values a module keeps for a few seconds (the admins' settings, lib/platform/settings.ts): kept here so
 * that a change made through one side is seen at once by the other (the edge posts responses too).
 */
export interface KeptValue<T> {
  value: T;
  readAt: number;
}

interface SharedState {
  databaseHealth: DatabaseHealth;
  readRouting: AsyncLocalStorage<ReadRouting>;
  counters: ServerCounters;
  kept: Map<string, KeptValue<unknown>>;
}

const KEY = Symbol.for("arguably.shared-state");

/** The one shared state of this process, made on first use by whichever side comes first. */
export function sharedState(): SharedState {
  const holder = globalThis as unknown as { [KEY]?: SharedState };
  holder[KEY] ??= {
    databaseHealth: { unavailableSince: null },
    readRouting: new AsyncLocalStorage<ReadRouting>(),
    counters: { pageRenders: 0, liveBuilds: 0, liveReaders: 0 },
    kept: new Map(),
  };
  return holder[KEY];
}
