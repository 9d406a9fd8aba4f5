// Exports read a whole article or claim from the database: each address may ask for a few a minute
// (an admin setting, lib/platform/setting-defaults.ts).
import { clientIp } from "@/lib/auth/client-ip";
import { enforceRateLimit } from "@/lib/platform/rate-limit";
import { getSettings } from "@/lib/platform/settings";

/** Counts an export against its address's limit; throws the 429 AppError past it. */
export async function enforceExportLimit(headers: Headers) {
  const { exportsPerMinute } = await getSettings();
  await enforceRateLimit(`export:ip:${clientIp(headers)}`, { limit: exportsPerMinute, windowMs: 60_000 }, "downloading exports");
}
