// Anything under /api/v1 that is not an operation: a problem-details 404 rather than the site's HTML page.
import { preflight } from "@/lib/api/handler";
import { apiProblemResponse } from "@/lib/api/problem";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

function notFound() {
  return apiProblemResponse(new AppError("not_found", "There is no such API operation. The operations are listed in /api/openapi.json."));
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = preflight;
