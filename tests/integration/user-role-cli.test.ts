import { describe, expect, test } from "vitest";
import { createUser } from "@/lib/accounts/create-user";
import { getDb } from "@/lib/db/client";
import { runScript } from "../support/scripts";

const userRole = (...args: string[]) => runScript("scripts/user-role.ts", ...args);

describe("npm run user:role", () => {
  test("changes a role by email and logs it", async () => {
    await createUser({ email: "first@example.com", name: "First" });
    const user = await createUser({ email: "Mod.To.Be@example.com", name: "Mo" });
    const result = await userRole("mod.to.be@EXAMPLE.com", "moderator");
    expect(result).toMatchObject({ code: 0 });
    expect(result.output).toContain("mod.to.be@EXAMPLE.com is now moderator");
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("moderator");
    expect(await getDb().moderationAction.findFirst({ where: { targetId: user.id }, select: { action: true, reason: true } })).toEqual({
      action: "role",
      reason: "Role changed from user to moderator",
    });
  });

  test("refuses an unknown role or email with exit code 2", async () => {
    const unknown = await userRole("nobody@example.com", "admin");
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain("arguably: no account with the email nobody@example.com");
    const bad = await userRole("first@example.com", "emperor");
    expect(bad.code).toBe(2);
    expect(bad.output).toContain("usage: npm run user:role -- <email> <user|editor|moderator|admin>");
  });
});
