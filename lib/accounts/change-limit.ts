// One limit on changing one's own account (name, email, password, verification mails): the admin
// setting accountChangesPerHour, counted per person across all of them.
import { enforceRateLimit } from "@/lib/platform/rate-limit";
import { getSettings } from "@/lib/platform/settings";

const HOUR = 60 * 60 * 1000;

export async function limitAccountChanges(userId: string) {
  const { accountChangesPerHour } = await getSettings();
  await enforceRateLimit(`account-change:${userId}`, { limit: accountChangesPerHour, windowMs: HOUR }, "changing your account");
}
