// GET /api/openapi.json — the public API's OpenAPI 3.1 document (generated: lib/api/openapi.ts).
import { CORS_HEADERS } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi";
import { appUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

let document: string | null = null;

export function GET() {
  document ??= JSON.stringify(openApiDocument(appUrl()), null, 2);
  return new Response(document, { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300", ...CORS_HEADERS } });
}
