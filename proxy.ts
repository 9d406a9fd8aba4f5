// Runs before every page, route handler and server action:
// - refuses mutations from other sites (403) before they reach application code
//   (docs/decisions/009-hostile-input-and-outages.md);
// - gives every page a Content Security Policy with a fresh nonce, the second wall against cross-site
//   scripting (the first is never rendering user content as HTML). Next.js reads the nonce from the
//   request's policy header and puts it on its own scripts; 'strict-dynamic' lets those load the rest.
import { NextResponse, type NextRequest } from "next/server";
import { isCrossSite } from "@/lib/auth/same-origin";
import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";
import { isDevelopment } from "@/lib/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const refuse = (error: AppError) => problemResponse(error);

/**
 * The public API authenticates by bearer token only and never reads cookies (lib/api/handler.ts), so a
 * request from another site carries no one's authority there: it may come from anywhere (CORS).
 */
const TOKEN_ONLY_API = "/api/v1/";
/** One-click unsubscribe: its signed link is its authority, and webmail posts it from its own origin (RFC 8058). */
const SIGNED_LINK = "/api/unsubscribe";

export function proxy(request: NextRequest) {
  const tokenOnly = request.nextUrl.pathname.startsWith(TOKEN_ONLY_API) || request.nextUrl.pathname === SIGNED_LINK;
  if (!SAFE_METHODS.has(request.method) && !tokenOnly && isCrossSite(request)) {
    return refuse(new AppError("forbidden", "Requests that change data must come from Arguably's own pages."));
  }
  // A method an address does not take was answered with 405 before Next.js (server/request-checks.ts).
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  return withContentSecurityPolicy(request);
}

function withContentSecurityPolicy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const development = isDevelopment();
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (the standing bar's width) are harmless without script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
