// One-click unsubscribe (RFC 8058): mail clients POST here, to the address in List-Unsubscribe, with the
// signed query of the link (lib/mail/unsubscribe.ts). The unsubscribe page's button posts here too. The
// signature is the authority, so it needs no session and is exempt from the same-site rule (proxy.ts).
import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";
import { unsubscribe, ZUnsubscribe } from "@/lib/mail/unsubscribe";

function requestOf(url: URL) {
  return ZUnsubscribe.safeParse(Object.fromEntries(url.searchParams));
}

export async function POST(request: Request) {
  const url = new URL(request.url);
  const parsed = requestOf(url);
  if (!parsed.success || !(await unsubscribe(parsed.data))) {
    return problemResponse(new AppError("invalid_request", "This unsubscribe link is not valid. Change which mail you get in your settings."));
  }
  // The page's form wants the page back; a mail client wants a plain 200.
  if ((request.headers.get("accept") ?? "").includes("text/html")) {
    return Response.redirect(new URL(`/unsubscribe?done=${parsed.data.l}`, url.origin), 303);
  }
  return new Response("Unsubscribed.\n", { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** A person who opened the header's address in a browser gets the page, which asks before acting. */
export function GET(request: Request) {
  const url = new URL(request.url);
  return Response.redirect(new URL(`/unsubscribe${url.search}`, url.origin), 303);
}
