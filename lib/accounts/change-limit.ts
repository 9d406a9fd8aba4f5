// One limit on changing one's own account (name, email, password, verification mails): the admin
// setting accountChangesPerHour, counted per person across all of them; proving one's identity again
// (./reauthenticate.ts) has a counter of its own under the same setting.
import { enforceRateLimit } from "@/lib/platform/rate-limit";
import { getSettings } from "@/lib/platform/settings";

const HOUR = 60 * 60 * 1000;

const COUNTERS = { "account-change": "changing your account", reauthenticate: "confirming your identity" } as const;

export async function limitAccountChanges(userId: string, counter: keyof typeof COUNTERS = "account-change") {
  const { accountChangesPerHour } = await getSettings();
  await enforceRateLimit(`${counter}:${userId}`, { limit: accountChangesPerHour, windowMs: HOUR }, COUNTERS[counter]);
}
