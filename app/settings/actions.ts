"use server";

import { z } from "@/lib/zod";
import { authorizedAction } from "@/lib/auth/actions";
import { getCurrentSessionId } from "@/lib/auth/session";
import { createAccessToken, revokeAccessToken } from "@/lib/accounts/access-tokens";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { requestEmailChange, resendVerification } from "@/lib/accounts/email-address";
import { changeDisplayName, changePassword, updateMailPreferences } from "@/lib/accounts/profile";
import { ZChangeEmail, ZChangeName, ZChangePassword, ZDeleteAccount, ZEndSession, ZMailPreferences } from "@/lib/accounts/schemas";
import { endAllSessions, endOwnSession } from "@/lib/accounts/user-sessions";
import { enforceRateLimit } from "@/lib/platform/rate-limit";
import { can, type Actor } from "@/lib/policy";

const manager = { can: (actor: Actor | null) => can(actor, "tokens.manage"), forbidden: "Your account cannot manage access tokens right now." };
const owner = { can: (actor: Actor | null) => can(actor, "account.manage"), forbidden: "Your account cannot be changed right now." };

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

export const changeNameAction = authorizedAction({ ...owner, schema: ZChangeName }, (input, user) => changeDisplayName(user.id, input.name));

export const changePasswordAction = authorizedAction({ ...owner, schema: ZChangePassword }, async (input, user) =>
  changePassword({ userId: user.id, sessionId: await getCurrentSessionId(), ...input }),
);

export const changeEmailAction = authorizedAction({ ...owner, schema: ZChangeEmail }, async (input, user) =>
  requestEmailChange({ userId: user.id, sessionId: await getCurrentSessionId(), newEmail: input.newEmail, password: input.password }),
);

export const resendVerificationAction = authorizedAction({ ...owner, schema: z.object({}) }, (_input, user) => resendVerification(user));

export const mailPreferencesAction = authorizedAction({ ...owner, schema: ZMailPreferences }, (input, user) => updateMailPreferences(user.id, input));

export const endSessionAction = authorizedAction({ ...owner, schema: ZEndSession }, async (input, user) => {
  await endOwnSession(user.id, input.sessionId);
  return { wasThisDevice: input.sessionId === (await getCurrentSessionId()) };
});

export const signOutEverywhereAction = authorizedAction({ ...owner, schema: z.object({}) }, (_input, user) => endAllSessions(user.id));

export const deleteAccountAction = authorizedAction(
  { can: (actor) => can(actor, "account.delete"), forbidden: "Your account cannot be deleted right now.", schema: ZDeleteAccount },
  async (input, user) => deleteAccount({ userId: user.id, sessionId: await getCurrentSessionId(), password: input.password, keepText: input.keepText }),
);
