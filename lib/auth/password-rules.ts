// What a new password must be. Pure, so the sign-up form can show the same rules the server enforces.
import { z } from "zod";
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

// Length over composition rules, and no well-known passwords (NIST SP 800-63B).
export const ZNewPassword = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine((password) => new Set(password).size >= 4, "Password must use at least 4 different characters.")
  .refine(
    (password) => !COMMON_PASSWORDS.has(password.toLowerCase()),
    "This password is too common. Choose one that others are unlikely to use.",
  );

