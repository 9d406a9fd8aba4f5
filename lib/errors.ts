// The one failure type of Arguably, and the one rule that turns any thrown value into it.
//
// Domain code throws an AppError with a code (below) and a message written for the person who caused
// it. Each transport maps it once: route handlers, the proxy and the HTTP edge answer with RFC 9457
// problem details (lib/http/problem.ts for Web responses, server/send-problem.ts for node:http), and
// server actions return the same fields in their result (lib/auth/actions.ts). Anything else that is
// thrown becomes "unavailable" (503) when the database is down, or a logged, generic "server_error".
// Pure: no Next.js, no Prisma, so the node:http edge can load it. See docs/decisions/017.
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/db/errors";

/** Every error code, with the HTTP status it always has. The API's Problem schema lists these codes. */
export const ERROR_STATUS = {
  invalid_request: 400,
  malformed_json: 400,
  unauthorized: 401,
  invalid_token: 401,
  forbidden: 403,
  insufficient_scope: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  server_error: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** For invalid_request: one field at fault, and where it was. */
export interface FieldError {
  in: "path" | "query" | "header" | "body";
  path: string;
  message: string;
}

export interface AppErrorOptions {
  /** Sent with the answer: Retry-After (from `retryAfterSeconds`), WWW-Authenticate, Allow, … */
  headers?: Record<string, string>;
  /** For rate_limited and unavailable: when to try again. Becomes the Retry-After header. */
  retryAfterSeconds?: number;
  errors?: FieldError[];
}

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: AppErrorOptions = {},
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  get retryAfterSeconds(): number | undefined {
    return this.options.retryAfterSeconds;
  }

  /** The headers every transport sends with this error. */
  get headers(): Record<string, string> {
    const retry = this.options.retryAfterSeconds;
    return { ...this.options.headers, ...(retry === undefined ? {} : { "Retry-After": String(retry) }) };
  }
}

const SERVER_ERROR_MESSAGE = "Something went wrong on our side; nothing was changed. Please try again.";

/**
 * Any thrown value as an AppError: itself; "unavailable" (503, retry in 5 s) when the database is down
 * (writes run in transactions, so nothing was half-saved); otherwise a generic server_error, after
 * logging the original, whose details must never reach the person.
 */
export function toAppError(error: unknown, log: (error: unknown) => void = console.error): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return new AppError("unavailable", DATABASE_UNAVAILABLE_MESSAGE, { retryAfterSeconds: 5 });
  log(error);
  return new AppError("server_error", SERVER_ERROR_MESSAGE);
}

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

/** RFC 9457 problem details: the body of every JSON error answer. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
  retryAfterSeconds?: number;
}

const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";

export function problemDetails(error: AppError): ProblemDetails {
  return {
    type: "about:blank",
    title: TITLES[error.status] ?? "Error",
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(error.options.errors ? { errors: error.options.errors } : {}),
    ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
  };
}

/** The headers of a problem answer, whatever the transport: type, never cached, not sniffed, and the error's own. */
export function problemHeaders(error: AppError): Record<string, string> {
  return { "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...error.headers };
}

/**
 * A failed server action's result: the problem's fields under the names the result type has always
 * had (`error` is the detail). Built only by toActionFailure, in lib/auth/actions.ts and in clients
 * that turn an HTTP problem answer into the same result (readProblem).
 */
export type ActionFailure = { ok: false; error: string; status: number; code: ErrorCode; retryAfterSeconds?: number };

export function toActionFailure(error: unknown): ActionFailure {
  const problem = toAppError(error);
  return {
    ok: false,
    error: problem.message,
    status: problem.status,
    code: problem.code,
    ...(problem.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: problem.retryAfterSeconds }),
  };
}

/**
 * What a caller in the browser makes of a failed HTTP answer: its problem details as an AppError, or,
 * when the body is not one (a proxy's page, a dropped connection), `fallback` with the answer's status.
 */
export async function readProblem(response: Response, fallback: string): Promise<AppError> {
  const body = (await response.json().catch(() => null)) as Partial<ProblemDetails> | null;
  const code = body?.code && body.code in ERROR_STATUS ? body.code : codeOfStatus(response.status);
  const retry = Number(response.headers.get("Retry-After"));
  return new AppError(
    code,
    typeof body?.detail === "string" && body.detail ? body.detail : fallback,
    Number.isFinite(retry) && retry > 0 ? { retryAfterSeconds: retry } : {},
  );
}

/** The first code with this status (for answers that carry no code). */
function codeOfStatus(status: number): ErrorCode {
  return ERROR_CODES.find((code) => ERROR_STATUS[code] === status) ?? (status >= 500 ? "server_error" : "invalid_request");
}
