"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/actions";
import { addWordFilter, removeWordFilter, setRole } from "@/lib/moderation/moderation";
import { SETTING_DEFAULTS, updateSetting, type SettingKey } from "@/lib/platform/settings";
import { can } from "@/lib/policy";

const admin = { can: (actor: Parameters<typeof can>[0]) => can(actor, "settings.manage"), forbidden: "Only admins can do that." };
const id = z.string().min(1).max(64);

export const setRoleAction = authorizedAction({ ...admin, schema: z.object({ userId: id, role: z.enum(["user", "editor", "moderator", "admin"]) }) }, async (input, user) => {
  await setRole({ admin: user, ...input });
  revalidatePath("/admin");
});

export const addWordFilterAction = authorizedAction(
  { ...admin, schema: z.object({ pattern: z.string().trim().min(2, "A filter needs at least 2 characters.").max(200), mode: z.enum(["block", "review"]) }) },
  async (input, user) => {
    await addWordFilter({ admin: user, ...input });
    revalidatePath("/admin");
  },
);

export const removeWordFilterAction = authorizedAction({ ...admin, schema: z.object({ id }) }, async (input, user) => {
  await removeWordFilter({ admin: user, id: input.id });
  revalidatePath("/admin");
});

export const updateSettingAction = authorizedAction(
  {
    ...admin,
    schema: z.object({
      key: z.enum(Object.keys(SETTING_DEFAULTS) as [SettingKey, ...SettingKey[]]),
      value: z.number({ error: "Enter a number." }).int("Enter a whole number.").min(1, "Use at least 1.").max(100_000),
    }),
  },
  async (input, user) => {
    await updateSetting({ admin: user, ...input });
    revalidatePath("/admin");
  },
);
