import { afterEach, describe, expect, test, vi } from "vitest";

async function optionsFor(env: Record<string, string>) {
  vi.resetModules();
  // A client is built but never connects: no database is needed to read the options.
  vi.stubEnv("DATABASE_URL", "postgresql://nobody:nothing@127.0.0.1:1/none");
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  const { authOptions } = await import("@/lib/auth/options");
  return authOptions();
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("session cookies", () => {
  test("are Secure when the site is served over https (production behind TLS)", async () => {
    const options = await optionsFor({ NODE_ENV: "production", APP_URL: "https://arguably.example", AUTH_SECRET: "x".repeat(40) });
    expect(options.useSecureCookies).toBe(true);
    expect(options.session).toMatchObject({ strategy: "jwt" });
  });

  test("are not marked Secure on a plain-http development address (browsers would drop them)", async () => {
    const options = await optionsFor({ NODE_ENV: "development", APP_URL: "http://localhost:3000" });
    expect(options.useSecureCookies).toBe(false);
  });
});
