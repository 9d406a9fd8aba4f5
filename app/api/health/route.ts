// GET /api/health — for load balancers and uptime checks: 200 when this instance can query its
// database, 503 when it cannot (then the HTTP edge, server/guards.ts, usually answers first, with the
// same problem details). The 503 is problem details with one extension member, `database`.
import { getDb } from "@/lib/db/client";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/errors";
import { AppError, problemDetails, problemHeaders } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  try {
    await getDb().$queryRaw`select 1`;
    return Response.json({ status: "ok", database: "ok" }, { headers });
  } catch {
    const problem = new AppError("unavailable", DATABASE_UNAVAILABLE_MESSAGE, { retryAfterSeconds: 5 });
    return new Response(JSON.stringify({ ...problemDetails(problem), database: "unreachable" }), { status: 503, headers: problemHeaders(problem) });
  }
}
