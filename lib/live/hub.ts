// One LISTEN connection per app instance, shared by all of its live readers, and the fan-out: each
// notice becomes one update (./build-update.ts), encoded once, and the same bytes go to every reader of
// its claim and of its article. The cost of a change is one build per instance plus a socket write per
// reader, never a page render (issue 17). The same connection hears when a person's notifications
// change (INBOX_CHANNEL, from a trigger on "Notification") and tells that person's open tabs.
//
// Each update carries an id (this instance's epoch and a sequence number). A reader that reconnects
// says the last id it saw: the updates since are replayed from the last REPLAYABLE kept here, and a
// reader further behind (or coming from another instance) is told to load the page afresh, once.
import "server-only";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { sharedState } from "@/lib/db/shared-state";
import { databaseUrl } from "@/lib/env";
import { buildLiveUpdate } from "./build-update";
import { INBOX_CHANNEL, LIVE_CHANNEL, type LiveEvent } from "./publish";
import { LIVE_EVENTS } from "./updates";

export type LiveTopic = `claim:${string}` | `article:${string}` | `inbox:${string}`;
type Subscriber = (frame: Uint8Array) => void;

interface Sent {
  seq: number;
  topics: LiveTopic[];
  frame: Uint8Array;
}

const REPLAYABLE = 500;
const encoder = new TextEncoder();

interface Hub {
  epoch: string;
  seq: number;
  topics: Map<LiveTopic, Set<Subscriber>>;
  recent: Sent[];
  client: Promise<pg.Client> | null;
  /** Updates go out in the order of their notices. */
  queue: Promise<void>;
}

const state = globalThis as unknown as { arguablyLiveHub?: Hub };
state.arguablyLiveHub ??= {
  epoch: randomBytes(6).toString("base64url"),
  seq: 0,
  topics: new Map(),
  recent: [],
  client: null,
  queue: Promise.resolve(),
};
const hub = state.arguablyLiveHub;

export const frameOf = (event: string, data: unknown, id?: string) =>
  encoder.encode(`${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

function readersOf(topics: LiveTopic[]) {
  const readers = new Set<Subscriber>();
  for (const topic of topics) for (const reader of hub.topics.get(topic) ?? []) readers.add(reader);
  return readers;
}

async function deliver(event: LiveEvent) {
  const topics: LiveTopic[] = [`claim:${event.claimId}`, `article:${event.articleId}`];
  if (readersOf(topics).size === 0) return;
  let frame: Uint8Array;
  try {
    const update = await buildLiveUpdate(event);
    sharedState().counters.liveBuilds += 1;
    hub.seq += 1;
    frame = frameOf(LIVE_EVENTS.update, update, `${hub.epoch}.${hub.seq}`);
    hub.recent.push({ seq: hub.seq, topics, frame });
    if (hub.recent.length > REPLAYABLE) hub.recent.shift();
  } catch {
    // The change could not be read (database away): these readers can no longer be patched correctly.
    frame = frameOf(LIVE_EVENTS.resync, {});
  }
  for (const reader of readersOf(topics)) reader(frame);
}

const INBOX_FRAME = frameOf(LIVE_EVENTS.inbox, {});

/** "Your notifications changed", to every open tab of that person on this instance (not replayed: a tab that reconnects asks anew). */
function tellInbox(userId: string) {
  for (const reader of hub.topics.get(`inbox:${userId}`) ?? []) reader(INBOX_FRAME);
}

function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  const ready = (async () => {
    await client.connect();
    client.on("notification", (message) => {
      if (!message.payload) return;
      if (message.channel === INBOX_CHANNEL) return tellInbox(message.payload);
      if (message.channel !== LIVE_CHANNEL) return;
      const event = JSON.parse(message.payload) as LiveEvent;
      hub.queue = hub.queue.then(() => deliver(event));
    });
    // A dropped connection (database restart): notices were missed, so every reader resynchronises, and
    // the connection reopens while anyone is listening.
    let dropped = false;
    const drop = () => {
      if (dropped) return;
      dropped = true;
      hub.client = null;
      const resync = frameOf(LIVE_EVENTS.resync, {});
      for (const readers of hub.topics.values()) for (const reader of readers) reader(resync);
      hub.recent = [];
      reconnectWhileListened(1_000);
    };
    client.on("error", drop);
    client.on("end", drop);
    await client.query(`listen ${LIVE_CHANNEL}`);
    await client.query(`listen ${INBOX_CHANNEL}`);
    return client;
  })();
  ready.catch(() => {
    hub.client = null;
  });
  return ready;
}

function reconnectWhileListened(delayMs: number) {
  setTimeout(() => {
    if (hub.topics.size === 0 || hub.client) return;
    hub.client = connect();
    hub.client.catch(() => reconnectWhileListened(Math.min(delayMs * 2, 10_000)));
  }, delayMs).unref();
}

/** What a reconnecting reader missed, or null when it cannot be replayed (too old, or another instance's). */
function missedSince(lastEventId: string, topics: LiveTopic[]): Uint8Array[] | null {
  const [epoch, seqText] = lastEventId.split(".");
  const seq = Number(seqText);
  if (epoch !== hub.epoch || !Number.isInteger(seq)) return null;
  if (seq < hub.seq && (hub.recent.length === 0 || hub.recent[0].seq > seq + 1)) return null;
  return hub.recent.filter((sent) => sent.seq > seq && sent.topics.some((topic) => topics.includes(topic))).map((sent) => sent.frame);
}

/**
 * Sends the updates of `topics` to `send` from now on, each once even when it concerns several of them
 * (after what the reader missed since `lastEventId`, or a resync when that cannot be replayed). Throws
 * when the database cannot be listened to.
 */
export async function subscribe(topics: LiveTopic[], send: Subscriber, lastEventId?: string | null): Promise<() => void> {
  hub.client ??= connect();
  await hub.client;
  for (const topic of topics) {
    let readers = hub.topics.get(topic);
    if (!readers) hub.topics.set(topic, (readers = new Set()));
    readers.add(send);
  }
  sharedState().counters.liveReaders += 1;
  const debateTopics = topics.filter((topic) => !topic.startsWith("inbox:"));
  if (lastEventId && debateTopics.length) {
    const missed = missedSince(lastEventId, debateTopics);
    if (missed) for (const frame of missed) send(frame);
    else send(frameOf(LIVE_EVENTS.resync, {}));
  }
  let subscribed = true;
  return () => {
    if (!subscribed) return;
    subscribed = false;
    sharedState().counters.liveReaders -= 1;
    for (const topic of topics) {
      const readers = hub.topics.get(topic);
      readers?.delete(send);
      if (readers?.size === 0) hub.topics.delete(topic);
    }
  };
}
