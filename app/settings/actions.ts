"use server";

import { z } from "zod";
import { authorizedAction } from "@/lib/auth/actions";
import { createAccessToken, revokeAccessToken } from "@/lib/accounts/access-tokens";
import { enforceRateLimit } from "@/lib/platform/rate-limit";
import { can } from "@/lib/policy";

const manager = { can: (actor: Parameters<typeof can>[0]) => can(actor, "tokens.manage"), forbidden: "Your account cannot manage access tokens right now." };

const EXPIRY_CHOICES = ["30", "90", "365", "never"] as const;

export const createTokenAction = authorizedAction(
  {
    ...manager,
    schema: z.object({
      name: z.string().trim().min(1, "Name the token, so you can tell it apart later.").max(60, "Keep the name under 60 characters."),
      scope: z.enum(["read", "write"], { error: "Choose what the token may do." }),
      expiry: z.enum(EXPIRY_CHOICES, { error: "Choose when the token expires." }),
    }),
  },
  async (input, user) => {
    await enforceRateLimit(`tokens:create:${user.id}`, { limit: 10, windowMs: 60 * 60 * 1000 }, "creating tokens");
    const { token, record } = await createAccessToken({
      userId: user.id,
      name: input.name,
      scope: input.scope,
      expiresInDays: input.expiry === "never" ? null : Number(input.expiry),
    });
    return { token, id: record.id };
  },
);

export const revokeTokenAction = authorizedAction({ ...manager, schema: z.object({ tokenId: z.string().min(1).max(64) }) }, async (input, user) => {
  await revokeAccessToken({ userId: user.id, tokenId: input.tokenId });
});
