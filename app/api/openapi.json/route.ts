// GET /api/openapi.json — the public API's OpenAPI 3.1 document (generated: lib/api/openapi.ts).
import { CORS_HEADERS } from "@/lib/api/problem";
import { openApiDocument } from "@/lib/api/openapi";
import { appUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

export function GET() {
  return new Response(JSON.stringify(openApiDocument(appUrl()), null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300", ...CORS_HEADERS },
  });
}
