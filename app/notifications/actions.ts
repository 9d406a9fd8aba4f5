"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { authorizedAction } from "@/lib/auth/actions";
import { markNotificationsRead } from "@/lib/debate/notifications";
import { canParticipate } from "@/lib/policy";

export const markNotificationsReadAction = authorizedAction(
  { can: canParticipate, forbidden: "Your account cannot do that right now.", schema: z.object({}) },
  async (_, user) => {
    await markNotificationsRead(user.id);
    revalidatePath("/notifications");
  },
);
