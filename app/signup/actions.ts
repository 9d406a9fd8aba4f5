"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { hashPassword } from "@/lib/auth/password";
import { ZSignUp, type SignUpFieldErrors, type SignUpResult } from "@/lib/auth/sign-up-schema";
import { recordAccountEventByEmail } from "@/lib/accounts/account-events";
import { createUser, EmailBannedError, EmailTakenError } from "@/lib/accounts/create-user";
import { hitRateLimit } from "@/lib/platform/rate-limit";
import { serverEnv } from "@/lib/env";
import { toAppError } from "@/lib/errors";

/**
 * Creates an email + password account. Anyone may call it; the browser then signs in. An email that
 * already has an account gets the same answer as a new one (the hash is computed either way), so the
 * answer does not tell who has an account here; the owner sees the attempt on their settings page.
 */
export async function signUp(input: unknown): Promise<SignUpResult> {
  const parsed = ZSignUp.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: SignUpFieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof SignUpFieldErrors | undefined;
      if (field && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    return { ok: false, fieldErrors, formError: Object.keys(fieldErrors).length ? undefined : "Check the form and try again." };
  }
  const perHour = { limit: serverEnv().SIGN_UPS_PER_IP_PER_HOUR, windowMs: 60 * 60 * 1000 };
  const limit = await hitRateLimit(`sign-up:ip:${clientIp(await headers())}`, perHour);
  if (limit.limited) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return {
      ok: false,
      fieldErrors: {},
      formError: `Too many new accounts from your network. Try again in ${minutes} minutes.`,
      code: "rate_limited",
      retryAfterSeconds: limit.retryAfterSeconds,
    };
  }
  try {
    await createUser({
      name: parsed.data.name,
      email: parsed.data.email,
      passwordHash: await hashPassword(parsed.data.password),
      sendVerification: true,
    });
  } catch (error) {
    if (error instanceof EmailTakenError) await recordAccountEventByEmail(parsed.data.email, "sign_up_attempt");
    else if (error instanceof EmailBannedError) return { ok: false, fieldErrors: { email: error.message } };
    else {
      const problem = toAppError(error);
      return { ok: false, fieldErrors: {}, formError: problem.message, code: problem.code };
    }
  }
  return { ok: true };
}
