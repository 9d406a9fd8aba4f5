// Anything under /api/v1 that is not an operation: a problem-details 404 rather than the site's HTML page.
import { preflight } from "@/lib/api/handler";
import { ApiProblem, problemResponse } from "@/lib/api/problem";

export const dynamic = "force-dynamic";

function notFound() {
  return problemResponse(new ApiProblem(404, "not_found", "There is no such API operation. The operations are listed in /api/openapi.json."));
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = preflight;
