import { describe, expect, test } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";
import { ZSignUp } from "@/lib/auth/sign-up-schema";

function messages(input: unknown) {
  const result = ZSignUp.safeParse(input);
  if (result.success) return {};
  // The first message per field, as the sign-up action shows them.
  return Object.fromEntries(result.error.issues.toReversed().map((issue) => [issue.path[0], issue.message]));
}

describe("sign-up rules", () => {
  const valid = { name: "Ada", email: "ada@example.com", password: "correct horse battery" };

  test("a good sign-up passes and the email is trimmed", () => {
    expect(ZSignUp.parse({ ...valid, email: "  ada@example.com " }).email).toBe("ada@example.com");
  });

  test("each rule has a message a person can act on", () => {
    expect(messages({ ...valid, password: "short" })).toEqual({ password: "Password must be at least 10 characters." });
    expect(messages({ ...valid, password: "a".repeat(129) })).toEqual({ password: "Password must be at most 128 characters." });
    expect(messages({ ...valid, password: "aaaaaaaaaaaa" })).toEqual({ password: "Password must use at least 4 different characters." });
    expect(messages({ ...valid, password: "Password123" }).password).toMatch(/too easy to guess/);
    expect(messages({ ...valid, email: "ada@" })).toEqual({ email: "Enter a valid email address, like name@example.com." });
    expect(messages({ ...valid, name: " " })).toEqual({ name: "Display name must be at least 2 characters." });
    expect(messages({ ...valid, name: "x".repeat(51) })).toEqual({ name: "Display name must be at most 50 characters." });
    expect(messages({ ...valid, email: "ada.lovelace@example.com", password: "ADA.LOVELACE@example.com" }).password).toBe(
      "Password must not be your email address.",
    );
  });

  test("common, breached and patterned passwords are refused with the reason in words", () => {
    // The three an attacker got accepted, and more from public most-common lists.
    for (const password of [
      "Password1!",
      "iloveyou12",
      "1234512345",
      "qwertyuiop",
      "monkey12345",
      "Liverpool1!",
      "hunter2hunter2",
      "1q2w3e4r5t6y",
      "abcdefghij1",
    ]) {
      const message = messages({ ...valid, password }).password;
      expect(message, password).toMatch(/^This password is too easy to guess\. .+\./);
    }
    expect(messages({ ...valid, password: "1234512345" }).password).toMatch(/Repeated character patterns/);
    expect(messages({ ...valid, password: "qwertyuiop" }).password).toMatch(/frequently used password/);
  });

  test("the person's own name and email count as guesses", () => {
    expect(messages({ name: "Marguerite Yourcenar", email: "marguerite@example.com", password: "Marguerite1984" }).password).toMatch(/too easy to guess/);
  });

  test("passphrases and random strings pass", () => {
    for (const password of ["correct horse battery", "a quite unguessable passphrase 7", "vX9#qL2!mZ7p", "gravel orbit lantern"]) {
      expect(messages({ ...valid, password }), password).toEqual({});
    }
  });

  test("missing fields are named, not crashes", () => {
    expect(Object.keys(messages({})).sort()).toEqual(["email", "name", "password"]);
    expect(messages(null)).not.toEqual({});
  });
});

describe("client address for rate limits", () => {
  test("without trusted proxies, the peer address our server appended is used, not what the client claims", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.9" }), 0)).toBe("10.0.0.9");
  });

  test("behind one trusted proxy, the address that proxy saw is used", () => {
    expect(clientIp({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" }, 1)).toBe("203.0.113.7");
  });

  test("no header at all is handled", () => {
    expect(clientIp({}, 0)).toBe("unknown");
  });
});
