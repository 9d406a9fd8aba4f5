"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/actions";
import { lockArticle, MODERATION_ACTIONS, moderate, sanctionUser } from "@/lib/moderation/moderation";
import { canModerate } from "@/lib/policy";

const staff = { can: canModerate, forbidden: "Only moderators can do that." };
const id = z.string().min(1).max(64);
const reason = z.string().trim().max(1000, "Keep the reason under 1,000 characters.").nullable();

function changed() {
  revalidatePath("/moderation");
  revalidatePath("/moderation/log");
}

export const moderateAction = authorizedAction(
  {
    ...staff,
    schema: z.object({
      target: z.object({ type: z.enum(["claim", "response"]), id }),
      action: z.enum(MODERATION_ACTIONS),
      version: z.number().int().min(0),
      reason,
      duplicateOfId: id.nullable(),
      text: z.string().trim().max(1000).nullable(),
    }),
  },
  async (input, user) => {
    await moderate({ moderator: user, ...input });
    changed();
  },
);

export const sanctionAction = authorizedAction(
  {
    ...staff,
    schema: z.object({
      userId: id,
      kind: z.enum(["silence", "suspend", "ban", "lift"]),
      reason: z.string().trim().min(3, "Give a reason: the person will see it.").max(1000),
      days: z.number().int().min(1).max(3650).optional(),
    }),
  },
  async (input, user) => {
    await sanctionUser({ moderator: user, ...input });
    changed();
  },
);

export const lockArticleAction = authorizedAction({ ...staff, schema: z.object({ articleId: id, locked: z.boolean(), reason }) }, async (input, user) => {
  await lockArticle({ moderator: user, ...input });
  changed();
});
