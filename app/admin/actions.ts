"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { authorizedAction } from "@/lib/auth/actions";
import { addWordFilter, removeWordFilter } from "@/lib/moderation/word-filters";
import { setRole } from "@/lib/moderation/set-role";
import { retireRuleSchema, setRoleSchema, siteRuleSchema, wordFilterSchema } from "@/lib/moderation/schemas";
import { retireSiteRule, saveSiteRule } from "@/lib/moderation/rules";
import { idSchema } from "@/lib/debate/schemas";
import { SETTING_DEFAULTS, SETTING_RANGES, updateSetting, type SettingKey } from "@/lib/platform/settings";
import { can } from "@/lib/policy";

const admin = { can: (actor: Parameters<typeof can>[0]) => can(actor, "settings.manage"), forbidden: "Only admins can do that." };
const ruleKeeper = { can: (actor: Parameters<typeof can>[0]) => can(actor, "rules.manage"), forbidden: "Only admins can change the site's rules." };

export const saveSiteRuleAction = authorizedAction({ ...ruleKeeper, schema: siteRuleSchema }, async (input, user) => {
  await saveSiteRule(user, input);
  revalidatePath("/admin");
  revalidatePath("/rules");
});

export const retireSiteRuleAction = authorizedAction({ ...ruleKeeper, schema: retireRuleSchema }, async (input, user) => {
  await retireSiteRule(user, input);
  revalidatePath("/admin");
  revalidatePath("/rules");
});

export const setRoleAction = authorizedAction({ ...admin, schema: setRoleSchema }, async (input, user) => {
  await setRole({ admin: user, ...input });
  revalidatePath("/admin");
});

export const addWordFilterAction = authorizedAction({ ...admin, schema: wordFilterSchema }, async (input, user) => {
  await addWordFilter({ admin: user, ...input });
  revalidatePath("/admin");
});

export const removeWordFilterAction = authorizedAction({ ...admin, schema: z.object({ id: idSchema }) }, async (input, user) => {
  await removeWordFilter({ admin: user, id: input.id });
  revalidatePath("/admin");
});

export const updateSettingAction = authorizedAction(
  {
    ...admin,
    schema: z
      .object({
        key: z.enum(Object.keys(SETTING_DEFAULTS) as [SettingKey, ...SettingKey[]]),
        value: z.number({ error: "Enter a number." }).int("Enter a whole number."),
      })
      .superRefine(({ key, value }, context) => {
        const { min, max } = SETTING_RANGES[key];
        if (value < min || value > max)
          context.addIssue({ code: "custom", path: ["value"], message: `Use a number from ${min} to ${max.toLocaleString("en")}.` });
      }),
  },
  async (input, user) => {
    await updateSetting({ admin: user, ...input });
    revalidatePath("/admin");
  },
);
