"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { publicAction } from "@/lib/auth/actions";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";
import { ZForgotPassword, ZResetPassword } from "@/lib/accounts/schemas";

/** Same answer whether or not the address has an account (the worker finds out, lib/mail/send-mail.ts). */
export const forgotPasswordAction = publicAction({ schema: ZForgotPassword }, async (input) => {
  await requestPasswordReset(input, clientIp(await headers()));
});

export const resetPasswordAction = publicAction({ schema: ZResetPassword }, (input) => resetPassword(input));
