import { describe, expect, test } from "vitest";
import { lockedOutMessage, lockoutCode, lockoutSeconds, signInMessage } from "@/lib/auth/messages";

describe("sign-in messages", () => {
  test("a suspension says until when and why", () => {
    const until = Date.UTC(2027, 0, 15);
    expect(signInMessage(`AccountSuspended:${until}:Spam: repeated links`)).toBe("This account is suspended until 2027-01-15. Reason: Spam: repeated links.");
    expect(signInMessage(`AccountSuspended:${Date.UTC(9999, 11, 31)}:Threats`)).toBe("This account is suspended permanently. Reason: Threats.");
  });

  test("known codes have their message and unknown ones a generic one", () => {
    expect(signInMessage("CredentialsSignin")).toBe("Wrong email or password.");
    expect(signInMessage("Whatever")).toBe("Sign-in failed. Try again.");
  });

  test("a lockout says how long to wait, in whole minutes, however it reaches the form", () => {
    expect(lockoutSeconds(lockoutCode(61))).toBe(61);
    expect(signInMessage(lockoutCode(61))).toBe("Too many failed sign-in attempts. Try again in 2 minutes.");
    expect(lockedOutMessage(30)).toBe("Too many failed sign-in attempts. Try again in 1 minute.");
    expect(lockoutSeconds("TooManyAttempts:soon")).toBeNull();
    expect(lockoutSeconds("CredentialsSignin")).toBeNull();
  });
});
