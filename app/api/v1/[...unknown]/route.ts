// Anything under /api/v1 that is not an operation: a problem-details 404 rather than the site's HTML page.
import { CORS_HEADERS, preflight } from "@/lib/api/handler";
import { ApiProblem, problemBody } from "@/lib/api/problem";

export const dynamic = "force-dynamic";

function notFound() {
  const problem = new ApiProblem(404, "not_found", "There is no such API operation. The operations are listed in /api/openapi.json.");
  return Response.json(problemBody(problem), { status: 404, headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", ...CORS_HEADERS } });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = preflight;
