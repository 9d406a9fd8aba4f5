import { describe, expect, test } from "vitest";
import { signInMessage } from "@/lib/auth/messages";

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
});
