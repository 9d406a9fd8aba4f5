// Exports read a whole article from the database: each address may ask for a few a minute.
import { clientIp } from "@/lib/auth/client-ip";
import { enforceRateLimit } from "@/lib/platform/rate-limit";

export const EXPORTS_PER_MINUTE = 30;

/** Counts an export against its address's limit; throws the 429 AppError past it. */
export async function enforceExportLimit(headers: Headers) {
  await enforceRateLimit(`export:ip:${clientIp(headers)}`, { limit: EXPORTS_PER_MINUTE, windowMs: 60_000 }, "exporting");
}
