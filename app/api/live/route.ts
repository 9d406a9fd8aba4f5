// GET /api/live?claim=ID or ?article=ID — server-sent events: "change" whenever a response or a vote
// on that claim (or any claim of that article) is committed, on any app instance. Only for a claim or
// article the viewer may see (lib/policy/visibility.ts), and events name nothing but their kind.
import { getCurrentUser } from "@/lib/auth/session";
import { articleVisibleTo, claimVisibleTo } from "@/lib/debate/visibility";
import { subscribe } from "@/lib/live/listen";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 25_000;

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const claimId = params.get("claim");
  const articleId = params.get("article");
  if (!claimId && !articleId) return Response.json({ error: "Say which claim or article to follow." }, { status: 400 });
  const viewer = await getCurrentUser();
  const visible = claimId ? await claimVisibleTo(claimId, viewer) : await articleVisibleTo(articleId!, viewer);
  if (!visible) return Response.json({ error: `That ${claimId ? "claim" : "article"} does not exist.` }, { status: 404 });

  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      let unsubscribe: () => void;
      try {
        unsubscribe = await subscribe((event) => {
          if ((claimId && event.claimId === claimId) || (articleId && event.articleId === articleId)) {
            send(`event: change\ndata: ${JSON.stringify({ type: event.type })}\n\n`);
          }
        });
      } catch {
        send("event: unavailable\ndata: {}\n\n");
        controller.close();
        return;
      }
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), HEARTBEAT_MS);
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
      send("retry: 3000\n\n");
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
