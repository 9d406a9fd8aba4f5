// What people read when signing in fails, keyed by next-auth's error codes and ours.
export const SIGN_IN_MESSAGES = {
  CredentialsSignin: "Wrong email or password.",
  AccountSuspended: "This account is suspended.",
  TooManyAttempts: "Too many failed sign-in attempts.",
  OAuthAccountNotLinked: "An account with this email already exists. Sign in with your email and password.",
  OAuthSignin: "Could not start signing in with that provider. Try again.",
  OAuthCallback: "Signing in with that provider failed. Try again.",
  SessionRequired: "Please sign in to continue.",
  // After a sign-up whose automatic sign-in failed: the email may already have had an account, and the
  // sign-up form does not say so (it answers the same either way).
  SignUpNotSignedIn: "We could not sign you in with that email and password. If this email already had an account, sign in with that account's password.",
  Default: "Sign-in failed. Try again.",
} as const;

/** The error code a lockout carries (`TooManyAttempts:<seconds>`), as the credentials check throws it. */
export function lockoutCode(retryAfterSeconds: number) {
  return `TooManyAttempts:${retryAfterSeconds}`;
}

/** The seconds a lockout code says to wait, or null when the code is something else. */
export function lockoutSeconds(code: string | null | undefined): number | null {
  const match = code ? /^TooManyAttempts:(\d+)$/.exec(code) : null;
  return match ? Number(match[1]) : null;
}

/** "Too many failed sign-in attempts. Try again in 3 minutes." */
export function lockedOutMessage(retryAfterSeconds: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `${SIGN_IN_MESSAGES.TooManyAttempts} Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export function signInMessage(code: string | null | undefined): string {
  if (!code) return SIGN_IN_MESSAGES.Default;
  const lockout = lockoutSeconds(code);
  if (lockout !== null) return lockedOutMessage(lockout);
  if (code.startsWith("AccountSuspended:")) {
    const [, until, ...reason] = code.split(":");
    const end = new Date(Number(until));
    const when = Number.isNaN(end.getTime()) || end.getUTCFullYear() > 9000 ? "permanently" : `until ${end.toISOString().slice(0, 10)}`;
    return `This account is suspended ${when}. Reason: ${reason.join(":") || "none given"}.`;
  }
  return SIGN_IN_MESSAGES[code as keyof typeof SIGN_IN_MESSAGES] ?? SIGN_IN_MESSAGES.Default;
}
