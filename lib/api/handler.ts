// One wrapper for every public API route (decision 014). In this order: who is calling (bearer token,
// never a cookie), their rate limit, what the operation demands of the token, and the request's path,
// query and JSON body against the operation's schemas; then the route's own work. Every failure leaves
// as problem details (./problem.ts); nothing unexpected reaches the caller but a generic 500.
//
// Cookies are never read here, so a request from another site carries no one's authority: that is why
// proxy.ts lets cross-site requests through to /api/v1 and why answers allow any origin (CORS).
import "server-only";
import type { z } from "zod";
import { clientIp } from "@/lib/auth/client-ip";
import { AppError } from "@/lib/errors";
import { authenticateAccessToken, type TokenCaller } from "@/lib/accounts/access-tokens";

import { appSql } from "@/lib/db/client";
import { getSettings } from "@/lib/platform/settings";
import { isBanned, tokenAllowsWrites } from "@/lib/policy";
import type { Operation } from "./operations";
import { apiJson, apiProblemResponse, CORS_HEADERS } from "./problem";
import { hitApiLimit } from "./rate-limit";

export interface ApiAnswer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface Context<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The token's owner; always set for `token` and `write` operations. */
  caller: TokenCaller | null;
  request: Request;
}

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export function apiRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  operation: Operation<P, Q, B>,
  run: (context: Context<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<ApiAnswer>,
) {
  return async (request: Request, route: RouteContext): Promise<Response> => {
    let limitHeaders: Record<string, string> = {};
    try {
      const caller = await identify(request);
      limitHeaders = await applyRateLimit(request, caller);
      demandAccess(operation, caller);
      const params = validate("path", operation.params, await route.params);
      const query = validate("query", operation.query, Object.fromEntries(new URL(request.url).searchParams));
      const body = operation.body ? validate("body", operation.body, await readJson(request)) : undefined;
      const answer = await run({ params, query, body, caller, request } as Context<z.infer<P>, z.infer<Q>, z.infer<B>>);
      return apiJson(answer.status ?? operation.success.status, answer.body, { ...limitHeaders, ...answer.headers });
    } catch (error) {
      return apiProblemResponse(error, limitHeaders);
    }
  };
}

/** CORS preflight for browsers calling the API from other sites with a token. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": "GET, POST, PUT, OPTIONS",
      "Access-Control-Allow-Headers": "Authorization, Content-Type, Idempotency-Key",
      "Access-Control-Max-Age": "600",
    },
  });
}

async function identify(request: Request): Promise<TokenCaller | null> {
  const authorization = request.headers.get("authorization");
  if (authorization === null) return null;
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  const caller = token ? await authenticateAccessToken(token) : null;
  if (!caller) {
    throw new AppError("invalid_token", "That access token is not valid: it may be mistyped, revoked or expired. Create a new one on your settings page.", {
      headers: { "WWW-Authenticate": 'Bearer realm="arguably", error="invalid_token"' },
    });
  }
  if (isBanned(caller.user)) throw new AppError("forbidden", "The account this token belongs to is suspended.");
  return caller;
}

/** Per token, or per address without one (./rate-limit.ts); a token's limit is an admin setting. */
async function applyRateLimit(request: Request, caller: TokenCaller | null) {
  if (caller) return hitApiLimit(appSql, { tokenId: caller.token.id, limit: (await getSettings()).apiRequestsPerMinute });
  return hitApiLimit(appSql, { address: clientIp(request.headers) });
}

function demandAccess(operation: Operation, caller: TokenCaller | null) {
  if (operation.access === "public") return;
  if (!caller) {
    throw new AppError("unauthorized", "This needs a personal access token: send it as 'Authorization: Bearer <token>'. Create one on your settings page.", {
      headers: { "WWW-Authenticate": 'Bearer realm="arguably"' },
    });
  }
  if (operation.access === "write" && !tokenAllowsWrites(caller.token.scope)) {
    throw new AppError("insufficient_scope", "This token can only read. Create a token with the write scope to post or vote.", {
      headers: { "WWW-Authenticate": 'Bearer realm="arguably", error="insufficient_scope", scope="write"' },
    });
  }
}

function validate<T extends z.ZodType>(where: "path" | "query" | "body", schema: T | undefined, value: unknown): z.infer<T> {
  if (!schema) return undefined as z.infer<T>;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({ in: where, path: issue.path.join("."), message: issue.message }));
  const first = errors[0];
  const detail = `The request's ${where === "path" ? "address" : where} is not valid${first ? `: ${first.path || where} — ${first.message}` : "."}`;
  throw new AppError("invalid_request", detail, { errors });
}

async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the request body as JSON, with 'Content-Type: application/json'.");
  }
  const text = await request.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("malformed_json", "The request body is not valid JSON.");
  }
}
