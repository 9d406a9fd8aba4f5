// Answers of the public API, and its errors: RFC 9457 problem details, one shape for every failure
// (the Problem schema). Pure, so proxy.ts can answer with them too.
import type { z } from "zod";
import type { ApiProblemCode, Problem } from "./schemas";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** The code for a status when nothing more specific applies. */
export const CODE_OF_STATUS: Record<number, ApiProblemCode> = {
  400: "invalid_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
  500: "server_error",
  503: "unavailable",
};

/** The API never reads cookies, so any site may call it (decision 014). */
export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "Location, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset",
};

/** Every API answer: JSON, never cached, not sniffed, callable from any site. */
export function apiJson(status: number, body: unknown, headers: Record<string, string> = {}, type = "application/json") {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": `${type}; charset=utf-8`, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...CORS_HEADERS, ...headers },
  });
}

export class ApiProblem extends Error {
  override name = "ApiProblem";
  constructor(
    readonly status: number,
    readonly code: ApiProblemCode,
    readonly detail: string,
    readonly extra: { errors?: z.infer<typeof Problem>["errors"]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
  }
}

export function problemBody(problem: ApiProblem): z.infer<typeof Problem> {
  return {
    type: "about:blank",
    title: TITLES[problem.status] ?? "Error",
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
    ...(problem.extra.errors ? { errors: problem.extra.errors } : {}),
  };
}

export function problemResponse(problem: ApiProblem, headers: Record<string, string> = {}) {
  return apiJson(problem.status, problemBody(problem), { ...headers, ...problem.extra.headers }, "application/problem+json");
}

/** The value, or a 404 problem saying what does not exist. */
export function orNotFound<T>(value: T | null | undefined, detail: string): T {
  if (value === null || value === undefined || value === false) throw new ApiProblem(404, "not_found", detail);
  return value;
}
