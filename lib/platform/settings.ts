// Limits admins can tune from the admin page; everything else uses these defaults.
import { getDb } from "@/lib/db/client";
import { sharedState, type KeptValue } from "@/lib/db/shared-state";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/policy";
import { SETTING_DEFAULTS, SETTING_LABELS, SETTING_RANGES, type SettingKey, type Settings } from "./setting-defaults";

export { SETTING_DEFAULTS, SETTING_LABELS, SETTING_RANGES, type SettingKey, type Settings };

/**
 * Read on every write (for its rate limit), changed a few times a year: each instance keeps them for a
 * few seconds. A change applies at once on the instance that made it (both of its module graphs, the
 * edge's and Next.js's: lib/db/shared-state.ts) and within SETTINGS_TTL_MS on others.
 */
const SETTINGS_TTL_MS = 5_000;
const KEPT = "settings";
const kept = () => sharedState().kept as Map<typeof KEPT, KeptValue<Promise<Settings>>>;

export function getSettings(): Promise<Settings> {
  const cached = kept().get(KEPT);
  if (cached && Date.now() - cached.readAt < SETTINGS_TTL_MS) return cached.value;
  const settings = readSettings();
  kept().set(KEPT, { value: settings, readAt: Date.now() });
  settings.catch(() => kept().delete(KEPT));
  return settings;
}

async function readSettings(): Promise<Settings> {
  const rows = await getDb().setting.findMany({ select: { key: true, value: true } });
  const settings: Settings = { ...SETTING_DEFAULTS };
  for (const row of rows) if (row.key in settings) settings[row.key as SettingKey] = row.value;
  return settings;
}

export async function updateSetting({ admin, key, value }: { admin: Actor; key: SettingKey; value: number }) {
  if (!can(admin, "settings.manage")) throw new AppError("forbidden", "Only admins change limits.");
  if (!(key in SETTING_DEFAULTS)) throw new AppError("invalid_request", "Unknown setting.");
  await getDb().$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    await tx.moderationAction.create({
      data: { moderatorId: admin.id, action: "setting", targetType: "setting", targetId: key, reason: `${SETTING_LABELS[key]}: ${value}` },
    });
  });
  kept().delete(KEPT);
}
