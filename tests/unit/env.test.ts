import { describe, expect, test } from "vitest";
import { ConfigurationError, parseServerEnv } from "@/lib/env";

describe("configuration", () => {
  test("a fresh clone needs nothing: every variable has a default or is optional", () => {
    const env = parseServerEnv({});
    expect(env).toMatchObject({ NODE_ENV: "development", PORT: 3000, DATA_DIR: ".data", TRUSTED_PROXY_COUNT: 0 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  test("empty values from an .env file count as unset", () => {
    const env = parseServerEnv({ DATABASE_URL: "", AUTH_SECRET: "", ADMIN_EMAIL: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
  });

  test("every bad variable is listed by name with what is wrong", () => {
    let error: unknown;
    try {
      parseServerEnv({ DATABASE_URL: "mysql://x", AUTH_SECRET: "short", PORT: "http", ADMIN_EMAIL: "nope" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toContain("DATABASE_URL: must be a postgresql:// connection string");
    expect(message).toContain("AUTH_SECRET: must be at least 32 characters");
    expect(message).toContain("PORT:");
    expect(message).toContain("ADMIN_EMAIL: must be an email address");
    expect(message).not.toMatch(/\n\s+at /); // no stack frames
  });

  test("an OAuth provider needs both its id and its secret", () => {
    expect(() => parseServerEnv({ GITHUB_CLIENT_ID: "abc" })).toThrow("set both GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET");
    expect(parseServerEnv({ GOOGLE_CLIENT_ID: "id", GOOGLE_CLIENT_SECRET: "secret" }).GOOGLE_CLIENT_ID).toBe("id");
  });
});
