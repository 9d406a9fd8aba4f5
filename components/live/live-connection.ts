"use client";
// One live stream per browser tab (GET /api/live), whatever on the page wants one: the debate a page
// shows (its claim, or its article; both while a claim is open beside its article) and, for a signed-in
// person, their inbox, which keeps the bell current on every page. Parts of the page ask for a topic
// with useLiveTopic; the tab holds one EventSource for all of them and opens it anew when the topics
// change (a browser keeps at most six connections to a site: one per tab leaves room for the rest).
import { useEffect, useRef } from "react";
import { LIVE_EVENTS, type LiveUpdate } from "@/lib/live/updates";
import { applyLiveUpdate, forgetLiveChanges } from "./live-store";

export type LiveTopicKey = `claim:${string}` | `article:${string}` | "inbox";

export interface LiveHandlers {
  onUpdate?: (update: LiveUpdate) => void;
  /** Too much was missed to patch the page: load it afresh, once. */
  onResync?: () => void;
  /** The person's notifications changed. */
  onInbox?: () => void;
}

interface Subscription {
  topic: LiveTopicKey;
  handlers: { current: LiveHandlers };
}

const subscriptions = new Set<Subscription>();
let source: EventSource | null = null;
let openFor = "";
let scheduled = false;
/** The last update this tab saw: a stream reopened for other topics resumes from it (the hub replays what came since). */
let lastEventId = "";

function streamUrl(topics: Set<LiveTopicKey>) {
  const params = new URLSearchParams();
  for (const topic of [...topics].sort()) {
    if (topic === "inbox") params.set("inbox", "1");
    else params.set(topic.slice(0, topic.indexOf(":")), topic.slice(topic.indexOf(":") + 1));
  }
  return params.size ? `/api/live?${params}` : "";
}

function dispatch(event: keyof LiveHandlers, argument?: LiveUpdate) {
  for (const subscription of subscriptions) {
    const handler = subscription.handlers.current[event] as ((value?: LiveUpdate) => void) | undefined;
    handler?.(argument);
  }
}

/** Opens the stream for the topics asked for now (after the current render's effects have all run). */
function reconnectSoon() {
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    const url = streamUrl(new Set([...subscriptions].map((subscription) => subscription.topic)));
    if (url === openFor) return;
    source?.close();
    source = null;
    openFor = url;
    if (!url) return;
    const opened = new EventSource(lastEventId ? `${url}&lastEventId=${encodeURIComponent(lastEventId)}` : url);
    source = opened;
    // The page's live state (./live-store.ts) takes each change once; then whoever follows it reacts.
    opened.addEventListener(LIVE_EVENTS.update, (event) => {
      if ((event as MessageEvent).lastEventId) lastEventId = (event as MessageEvent).lastEventId;
      const update = JSON.parse((event as MessageEvent<string>).data) as LiveUpdate;
      applyLiveUpdate(update);
      dispatch("onUpdate", update);
    });
    opened.addEventListener(LIVE_EVENTS.resync, () => {
      forgetLiveChanges();
      dispatch("onResync");
    });
    opened.addEventListener(LIVE_EVENTS.inbox, () => dispatch("onInbox"));
    // A reconnection may have missed inbox changes (they are not replayed): ask once more on reopening.
    let first = true;
    opened.addEventListener("open", () => {
      if (!first) dispatch("onInbox");
      first = false;
    });
  }, 0);
}

/** Follows `topic` (null: nothing) while the component is on the page; the handlers may change freely. */
export function useLiveTopic(topic: LiveTopicKey | null, handlers: LiveHandlers) {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    if (!topic) return;
    const subscription: Subscription = { topic, handlers: current };
    subscriptions.add(subscription);
    reconnectSoon();
    return () => {
      subscriptions.delete(subscription);
      reconnectSoon();
    };
  }, [topic]);
}
