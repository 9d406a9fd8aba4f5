// GET /api/health — for load balancers and uptime checks: 200 when this instance can query its
// database, 503 when it cannot (then scripts/server.mjs usually answers first, with the same status).
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  try {
    await getDb().$queryRaw`select 1`;
    return Response.json({ status: "ok", database: "ok" }, { headers });
  } catch {
    return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503, headers: { ...headers, "Retry-After": "5" } });
  }
}
