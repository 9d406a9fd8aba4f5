import { describe, expect, inject, test } from "vitest";
import { findFreePort } from "@/lib/db/embedded";
import { createDatabase } from "@/lib/db/scratch";
import { spawnLauncher } from "../support/scripts";

async function launch(env: Record<string, string>) {
  const launcher = spawnLauncher({ PORT: String(await findFreePort()), ...env });
  const code = await launcher.exited;
  return { code, stderr: launcher.stderr().trim() };
}

describe("npm start refuses to start, in one readable line, when", () => {
  test("the configured database is down", async () => {
    const port = await findFreePort();
    const result = await launch({ DATABASE_URL: `postgresql://arguably:secret@127.0.0.1:${port}/arguably` });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `arguably: cannot connect to PostgreSQL at 127.0.0.1:${port}/arguably (ECONNREFUSED). Check DATABASE_URL and that the server is running.`,
    );
  });

  test("production runs on its own database without AUTH_SECRET", async () => {
    const database = await createDatabase(inject("pgAdminUrl"), { prefix: "launcher", template: "arguably_template" });
    const result = await launch({ DATABASE_URL: database.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("arguably: AUTH_SECRET is required in production. Generate one with: openssl rand -base64 32");
  });

  test("the configuration is invalid", async () => {
    const result = await launch({ DATABASE_URL: "mysql://nope", AUTH_SECRET: "short" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("arguably: Invalid configuration:");
    expect(result.stderr).toContain("DATABASE_URL: must be a postgresql:// connection string");
    expect(result.stderr).toContain("AUTH_SECRET: must be at least 32 characters");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
