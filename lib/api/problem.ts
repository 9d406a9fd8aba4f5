// Answers of the public API: JSON that any site may read (CORS), never cached. Its errors are the app's
// one shape (lib/errors.ts, RFC 9457 problem details), with the same CORS headers. Pure, so the
// node:http edge can answer for the API too.
import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";

/** The API never reads cookies, so any site may call it (decision 014). */
export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "Location, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset",
};

/** Every API answer: JSON, never cached, not sniffed, callable from any site. */
export function apiJson(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...CORS_HEADERS,
      ...headers,
    },
  });
}

/** Any thrown value as the API's problem answer (lib/http/problem.ts) with its CORS headers; `headers` (its rate-limit state) go with it. */
export function apiProblemResponse(error: unknown, headers: Record<string, string> = {}) {
  return problemResponse(error, { ...CORS_HEADERS, ...headers });
}

/** The value, or a not_found error saying what does not exist. */
export function orNotFound<T>(value: T | null | undefined, detail: string): T {
  if (value === null || value === undefined || value === false) throw new AppError("not_found", detail);
  return value;
}
