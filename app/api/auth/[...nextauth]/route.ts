// next-auth's endpoints. Sign-in limits are enforced inside the credentials check (lib/auth/credentials.ts),
// on exactly what next-auth evaluates; here a lockout is turned into the 429 with Retry-After that
// clients and the sign-in form expect, instead of next-auth's generic error redirect. Every refusal made
// here is problem details, like every other error of the site (lib/http/problem.ts); next-auth's own
// answers (redirects, its JSON `url`) pass through untouched, which is what its client reads.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { lockoutIn } from "@/lib/auth/credentials";
import { lockedOutMessage } from "@/lib/auth/messages";
import { authOptions } from "@/lib/auth/options";
import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";

type Context = { params: Promise<{ nextauth: string[] }> };

const MAX_AUTH_BODY_BYTES = 16 * 1024;
const CREDENTIALS_CALLBACK = "callback/credentials";

function handler(request: NextRequest, context: Context) {
  return NextAuth(request, context as never, authOptions()) as Promise<Response>;
}

/** next-auth's own test of a callback address (an http(s) URL, or a path from the root). */
function usableCallbackUrl(url: string) {
  try {
    return /^https?:$/.test(new URL(url, url.startsWith("/") ? "http://localhost" : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * next-auth answers a callback address it cannot use, in the query or in its cookie, with a 500
 * ("a problem with the server configuration"); it is the client's mistake, so it gets a 400 here.
 */
function unusableCallbackUrl(request: NextRequest): Response | null {
  const fromQuery = request.nextUrl.searchParams.get("callbackUrl");
  const fromCookie = request.cookies.get("__Secure-next-auth.callback-url")?.value ?? request.cookies.get("next-auth.callback-url")?.value;
  if ((fromQuery === null || usableCallbackUrl(fromQuery)) && (fromCookie === undefined || usableCallbackUrl(fromCookie))) return null;
  return problemResponse(new AppError("invalid_request", "The address to return to after signing in is not valid. Start again from the sign-in page."));
}

export async function GET(request: NextRequest, context: Context) {
  // next-auth answers this one with a 500 ("not supported"); it only takes a POSTed form.
  if ((await context.params).nextauth.join("/") === CREDENTIALS_CALLBACK) {
    return problemResponse(new AppError("method_not_allowed", "Sign in by POSTing the form.", { headers: { Allow: "POST" } }));
  }
  return unusableCallbackUrl(request) ?? handler(request, context);
}

export async function POST(request: NextRequest, context: Context) {
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > MAX_AUTH_BODY_BYTES) {
    return problemResponse(new AppError("payload_too_large", `The sign-in request is too large (at most ${MAX_AUTH_BODY_BYTES / 1024} KB).`));
  }
  const refusal = unusableCallbackUrl(request);
  if (refusal) return refusal;
  const response = await handler(request, context);
  if ((await context.params).nextauth.join("/") !== CREDENTIALS_CALLBACK) return response;
  const retryAfter = lockoutIn(response.headers.get("location") ?? (await answerUrl(response)));
  if (retryAfter === null) return response;
  return problemResponse(new AppError("rate_limited", lockedOutMessage(retryAfter), { retryAfterSeconds: retryAfter }));
}

/** The `url` of next-auth's JSON answer (`json=true`), read from a copy so the original stays intact. */
async function answerUrl(response: Response): Promise<string | null> {
  if (!response.headers.get("content-type")?.includes("application/json")) return null;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { url?: unknown } | null;
  return typeof body?.url === "string" ? body.url : null;
}
