// The session cookie is decoded without next-auth's request handler (lib/auth/session-token.ts); it must
// accept exactly what next-auth issues and nothing else.
import { encode } from "next-auth/jwt";
import { describe, expect, test } from "vitest";
import { decodeSessionToken, sessionTokenFrom } from "@/lib/auth/session-token";

const secret = "a-test-secret-of-at-least-thirty-two-characters";

describe("session token", () => {
  test("decodes a token next-auth issued, with its claims", async () => {
    const token = await encode({ token: { sub: "user-1", sid: "session-1" }, secret });
    expect(await decodeSessionToken({ token, secret })).toMatchObject({ sub: "user-1", sid: "session-1" });
    // Again, with the derived key reused.
    expect(await decodeSessionToken({ token, secret })).toMatchObject({ sub: "user-1" });
  });

  test("refuses a token sealed with another secret, an expired one, and garbage", async () => {
    const other = await encode({ token: { sub: "user-1", sid: "session-1" }, secret: `${secret}-other` });
    await expect(decodeSessionToken({ token: other, secret })).rejects.toThrow();
    const expired = await encode({ token: { sub: "user-1", sid: "session-1" }, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
    await expect(decodeSessionToken({ token: "not.a.token.at.all", secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token: "", secret })).toBeNull();
  });

  test("finds the cookie by its name for http and https sites, and joins chunked tokens in order", () => {
    expect(sessionTokenFrom([{ name: "next-auth.session-token", value: "abc" }], false)).toBe("abc");
    expect(sessionTokenFrom([{ name: "next-auth.session-token", value: "abc" }], true)).toBeNull();
    expect(sessionTokenFrom([{ name: "__Secure-next-auth.session-token", value: "abc" }], true)).toBe("abc");
    const chunks = [
      { name: "next-auth.session-token.1", value: "second" },
      { name: "next-auth.session-token.0", value: "first-" },
      { name: "other", value: "x" },
    ];
    expect(sessionTokenFrom(chunks, false)).toBe("first-second");
    expect(sessionTokenFrom([{ name: "other", value: "x" }], false)).toBeNull();
  });
});
