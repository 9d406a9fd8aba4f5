"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/actions";
import { lockArticle } from "@/lib/moderation/lock-article";
import { moderate } from "@/lib/moderation/moderate";
import { lockArticleSchema, moderationSchema, sanctionSchema } from "@/lib/moderation/schemas";
import { sanctionUser } from "@/lib/moderation/sanction-user";
import { listSiteRules } from "@/lib/moderation/rules";
import { canModerate } from "@/lib/policy";
import { z } from "@/lib/zod";

const staff = { can: canModerate, forbidden: "Only moderators can do that." };

function changed() {
  revalidatePath("/moderation");
  revalidatePath("/moderation/log");
}

export const moderateAction = authorizedAction(
  {
    ...staff,
    schema: moderationSchema,
  },
  async (input, user) => {
    await moderate({ moderator: user, ...input });
    changed();
  },
);

export const sanctionAction = authorizedAction(
  {
    ...staff,
    schema: sanctionSchema,
  },
  async (input, user) => {
    await sanctionUser({ moderator: user, ...input });
    changed();
  },
);

export const lockArticleAction = authorizedAction({ ...staff, schema: lockArticleSchema }, async (input, user) => {
  await lockArticle({ moderator: user, ...input });
  changed();
});

/** The rules in force, for a decision made outside the queue (locking an article from its page). */
export const siteRulesAction = authorizedAction({ ...staff, schema: z.object({}) }, async () => listSiteRules());
