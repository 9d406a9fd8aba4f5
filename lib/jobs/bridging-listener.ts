// Bridged standings follow the debate's own change notices (decision 020). Every write to a debate
// already calls pg_notify on the live channel inside its transaction (lib/live/publish.ts, and the
// edge's one-statement claim vote); the worker process listens on it and queues the article's job a few
// seconds after the first notice. Queuing inside the writes instead made every vote in an article wait
// on the one job row (and deadlock against the claim's row): the load run's votes took seconds.
import pg from "pg";
import { LIVE_CHANNEL } from "@/lib/live/publish";

/** A burst of changes to an article is folded into one recomputation this long after its first notice. */
export const BRIDGING_SETTLE_SECONDS = 3;

export interface DebateChangeListener {
  stop(): Promise<void>;
}

/**
 * Calls `queue(articleId)` once per article `settleMs` after the first change notice, however many
 * follow meanwhile. Reconnects by itself when the connection drops (notices sent meanwhile are missed;
 * the next change, or the worker's hourly sweep, recomputes).
 */
export function listenForDebateChanges({
  databaseUrl,
  queue,
  settleMs = BRIDGING_SETTLE_SECONDS * 1000,
  onError = () => undefined,
}: {
  databaseUrl: string;
  queue: (articleId: string) => Promise<void>;
  settleMs?: number;
  onError?: (error: unknown) => void;
}): DebateChangeListener {
  const pending = new Map<string, NodeJS.Timeout>();
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  const changed = (articleId: string) => {
    if (stopped || pending.has(articleId)) return;
    pending.set(
      articleId,
      setTimeout(() => {
        pending.delete(articleId);
        queue(articleId).catch(onError);
      }, settleMs),
    );
  };

  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: databaseUrl });
    const again = (error?: unknown) => {
      if (error) onError(error);
      next.removeAllListeners();
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      if (!stopped && !retry) retry = setTimeout(() => ((retry = null), void connect()), 2_000);
    };
    next.on("error", again);
    next.on("end", () => again());
    next.on("notification", (message) => {
      try {
        const { articleId } = JSON.parse(message.payload ?? "{}") as { articleId?: unknown };
        if (typeof articleId === "string" && articleId) changed(articleId);
      } catch (error) {
        onError(error);
      }
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${LIVE_CHANNEL}`);
      client = next;
    } catch (error) {
      again(error);
    }
  };
  void connect();

  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
      const current = client;
      client = null;
      current?.removeAllListeners();
      await current?.end().catch(() => undefined);
    },
  };
}
