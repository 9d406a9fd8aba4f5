// "Download my data" (lib/accounts/account-data.ts): the signed-in person's own data as one JSON file,
// streamed. Counted against the export limit like every other download.
import { accountDataChunks } from "@/lib/accounts/account-data";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { streamedDownload } from "@/lib/exchange/download";
import { problemResponse } from "@/lib/http/problem";
import { enforceRateLimit } from "@/lib/platform/rate-limit";
import { getSettings } from "@/lib/platform/settings";
import { can } from "@/lib/policy";

export async function GET() {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthorized", "Sign in to download your data.");
    if (!can(user, "account.export")) throw new AppError("forbidden", "Your account cannot download its data right now.");
    const { exportsPerMinute } = await getSettings();
    await enforceRateLimit(`account-data:${user.id}`, { limit: exportsPerMinute, windowMs: 60_000 }, "downloading");
    return streamedDownload(accountDataChunks(user), { type: "application/json; charset=utf-8", filename: "arguably-my-data.json" });
  } catch (error) {
    return problemResponse(error);
  }
}
