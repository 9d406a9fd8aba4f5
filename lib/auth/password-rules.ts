// What a new password must be, in the parts the sign-up form can show as it is typed: its length and
// variety. How guessable it is (a list of common and breached passwords, and patterns) is checked on
// the server by ./password-strength.ts, whose dictionaries are too large for the browser.
import { z } from "@/lib/zod";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

// Length over composition rules (NIST SP 800-63B).
export const ZNewPassword = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine((password) => new Set(password).size >= 4, "Password must use at least 4 different characters.");
