// The Web-standard transport's error answer (route handlers, proxy.ts): any thrown value as RFC 9457
// problem details, through lib/errors.ts's one rule. The node:http edge has its own writer for the
// same body (server/send-problem.ts); the public API adds its CORS headers (lib/api/problem.ts).
import { problemDetails, problemHeaders, toAppError } from "@/lib/errors";

export function problemResponse(error: unknown, headers: Record<string, string> = {}): Response {
  const problem = toAppError(error);
  return new Response(JSON.stringify(problemDetails(problem)), { status: problem.status, headers: { ...headers, ...problemHeaders(problem) } });
}
