// GET /api/live?claim=ID&article=ID&inbox=1 — one stream per browser tab (components/live/live-connection.ts):
// server-sent events carrying each change to that claim and to any claim of that article, committed on
// any app instance, as readers see it (lib/live/updates.ts), and for a signed-in person who asks for
// their inbox, a note whenever their notifications change. Only for a claim or article the viewer may
// see (lib/policy/visibility.ts). A reconnecting browser sends Last-Event-ID and gets what it missed,
// or a "resync" when it missed too much (lib/live/hub.ts).
import { getCurrentUser } from "@/lib/auth/session";
import { articleVisibleTo, claimVisibleTo } from "@/lib/debate/visibility";
import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";
import { frameOf, subscribe, type LiveTopic } from "@/lib/live/hub";
import { LIVE_EVENTS } from "@/lib/live/updates";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 25_000;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

async function visible(claimId: string | null, articleId: string) {
  const check = (viewer: Awaited<ReturnType<typeof getCurrentUser>>) => (claimId ? claimVisibleTo(claimId, viewer) : articleVisibleTo(articleId, viewer));
  // As a reader first: a public debate needs no session read.
  return (await check(null)) || (await check(await getCurrentUser()));
}

/** The topics a request asks for, each one the viewer may follow; throws the AppError to answer instead. */
async function topicsOf(params: URLSearchParams): Promise<LiveTopic[]> {
  const claimId = params.get("claim");
  const articleId = params.get("article");
  const inbox = params.get("inbox") === "1";
  if ((!claimId && !articleId && !inbox) || [claimId, articleId].some((id) => id !== null && !ID.test(id))) {
    throw new AppError("invalid_request", "Say which claim or article to follow, or ask for your inbox.");
  }
  const topics: LiveTopic[] = [];
  if (claimId) {
    if (!(await visible(claimId, claimId))) throw new AppError("not_found", "That claim does not exist.");
    topics.push(`claim:${claimId}`);
  }
  if (articleId) {
    if (!(await visible(null, articleId))) throw new AppError("not_found", "That article does not exist.");
    topics.push(`article:${articleId}`);
  }
  if (inbox) {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthorized", "Sign in to follow your notifications.");
    topics.push(`inbox:${user.id}`);
  }
  return topics;
}

export async function GET(request: Request) {
  let topics: LiveTopic[];
  try {
    topics = await topicsOf(new URL(request.url).searchParams);
  } catch (error) {
    return problemResponse(error);
  }
  const params = new URL(request.url).searchParams;
  const lastEventId = request.headers.get("last-event-id") ?? params.get("lastEventId");

  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (frame: Uint8Array) => {
        try {
          controller.enqueue(frame);
        } catch {
          cleanup();
        }
      };
      send(new TextEncoder().encode("retry: 3000\n\n"));
      let unsubscribe: () => void;
      try {
        unsubscribe = await subscribe(topics, send, lastEventId);
      } catch {
        send(frameOf(LIVE_EVENTS.unavailable, {}));
        controller.close();
        return;
      }
      const heartbeat = setInterval(() => send(new TextEncoder().encode(": heartbeat\n\n")), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {}
      });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
