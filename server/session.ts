// Who sent a request, read on the edge as lib/auth/session.ts reads it inside Next.js: the session
// cookie (lib/auth/session-token.ts), whose server-side session the caller then checks in its own query.
import type { IncomingHttpHeaders } from "node:http";
import { decodeSessionToken, sessionTokenFrom } from "@/lib/auth/session-token";

export interface SessionClaims {
  userId: string;
  sessionId: string;
}

export interface SessionSecrets {
  secret: string;
  secureCookies: boolean;
}

/** A request header's value (the first, if it came more than once). */
export function firstHeader(headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>, name: string) {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function cookiesOf(headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>) {
  return (firstHeader(headers, "cookie") ?? "")
    .split(/;\s*/)
    .filter(Boolean)
    .map((pair) => {
      const index = pair.indexOf("=");
      return { name: index < 0 ? pair : pair.slice(0, index), value: index < 0 ? "" : pair.slice(index + 1) };
    });
}

/** The claims of the request's session token; null without one, or when it is forged, foreign or expired. */
export async function sessionClaimsOf(headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>, secrets: SessionSecrets) {
  const token = sessionTokenFrom(cookiesOf(headers), secrets.secureCookies);
  if (!token) return null;
  try {
    const claims = await decodeSessionToken({ token, secret: secrets.secret });
    return typeof claims?.sub === "string" && typeof claims.sid === "string" ? ({ userId: claims.sub, sessionId: claims.sid } satisfies SessionClaims) : null;
  } catch {
    return null;
  }
}
