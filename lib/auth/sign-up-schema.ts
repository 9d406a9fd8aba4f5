import { z } from "@/lib/zod";
import { ZNewPassword } from "./password-rules";
import { passwordWeakness } from "./password-strength";
import type { ErrorCode } from "@/lib/errors";

import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH } from "./field-limits";

export { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH };
/** Reserved for deleted accounts (lib/accounts/delete-account.ts), so nobody can pose as one. */
const RESERVED_NAMES = ["[deleted account]", "[deleted]"];

export const ZSignUp = z
  .object({
    name: z
      .string({ error: "Enter a display name." })
      .trim()
      .min(2, "Display name must be at least 2 characters.")
      .max(NAME_MAX_LENGTH, `Display name must be at most ${NAME_MAX_LENGTH} characters.`)
      .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), "Display name cannot contain control characters.")
      .refine((name) => !RESERVED_NAMES.includes(name.toLowerCase()), "That name is reserved. Choose another."),
    email: z
      .string({ error: "Enter your email address." })
      .trim()
      .max(EMAIL_MAX_LENGTH, "That email address is too long.")
      .pipe(z.email("Enter a valid email address, like name@example.com.")),
    password: ZNewPassword,
  })
  .refine((input) => input.password.toLowerCase() !== input.email.toLowerCase(), {
    path: ["password"],
    message: "Password must not be your email address.",
  })
  .superRefine((input, context) => {
    const weakness = passwordWeakness(input.password, [input.name, input.email]);
    if (weakness) context.addIssue({ code: "custom", path: ["password"], message: weakness });
  });

export type TSignUp = z.infer<typeof ZSignUp>;

export type SignUpFieldErrors = Partial<Record<keyof TSignUp, string>>;

/** A failure names the fields at fault, or says what went wrong for the whole form with the error code (lib/errors.ts). */
export type SignUpResult = { ok: true } | { ok: false; fieldErrors: SignUpFieldErrors; formError?: string; code?: ErrorCode; retryAfterSeconds?: number };
