// One LISTEN connection per app instance, shared by all of its live readers.
import "server-only";
import pg from "pg";
import { LIVE_CHANNEL, type LiveEvent } from "./publish";
import { databaseUrl } from "@/lib/env";

type Listener = (event: LiveEvent) => void;

const state = globalThis as unknown as { arguablyLive?: { listeners: Set<Listener>; client: Promise<pg.Client> | null } };
state.arguablyLive ??= { listeners: new Set(), client: null };
const live = state.arguablyLive;

function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  const ready = (async () => {
    await client.connect();
    client.on("notification", (message) => {
      if (message.channel !== LIVE_CHANNEL || !message.payload) return;
      const event = JSON.parse(message.payload) as LiveEvent;
      for (const listener of live.listeners) listener(event);
    });
    // A dropped connection (database restart): reopen it while anyone is listening, so live updates
    // resume without an app restart; otherwise the next subscription reopens it.
    let dropped = false;
    const drop = () => {
      if (dropped) return;
      dropped = true;
      live.client = null;
      reconnectWhileListened(1_000);
    };
    client.on("error", drop);
    client.on("end", drop);
    await client.query(`listen ${LIVE_CHANNEL}`);
    return client;
  })();
  ready.catch(() => {
    live.client = null;
  });
  return ready;
}

function reconnectWhileListened(delayMs: number) {
  setTimeout(() => {
    if (live.listeners.size === 0 || live.client) return;
    live.client = connect();
    live.client.catch(() => reconnectWhileListened(Math.min(delayMs * 2, 10_000)));
  }, delayMs).unref();
}

export async function subscribe(listener: Listener): Promise<() => void> {
  live.client ??= connect();
  await live.client;
  live.listeners.add(listener);
  return () => live.listeners.delete(listener);
}
