import { describe, expect, test } from "vitest";
import { createUser, EmailTakenError } from "@/lib/accounts/create-user";
import { getCredentialsByEmail } from "@/lib/accounts/users";
import { getDb } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

describe("accounts", () => {
  test("the first account is an admin, later ones are users, and ADMIN_EMAIL is an admin too", async () => {
    const first = await createUser({ email: "founder@example.com", name: "Founder" });
    const second = await createUser({ email: "reader@example.com", name: "Reader" });
    const named = await createUser({ email: "Boss@Example.com", name: "Boss" }, "boss@example.com");
    expect([first.role, second.role, named.role]).toEqual(["admin", "user", "admin"]);
  });

  test("emails are unique whatever their case, and stored lower-cased", async () => {
    await createUser({ email: "Case@Example.com", name: "One" });
    await expect(createUser({ email: "case@example.COM ", name: "Two" })).rejects.toThrow(EmailTakenError);
    expect(await getDb().user.count({ where: { email: "case@example.com" } })).toBe(1);
  });

  test("passwords are stored as argon2id hashes and verified against them", async () => {
    const passwordHash = await hashPassword("correct horse battery");
    await createUser({ email: "hash@example.com", name: "Hash", passwordHash });
    const stored = await getCredentialsByEmail("HASH@example.com");
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored?.passwordHash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(stored?.passwordHash, "Correct horse battery")).toBe(false);
    expect(await verifyPassword(null, "anything")).toBe(false);
  });
});

describe("the first account under concurrency", () => {
  test("ten simultaneous first sign-ups make exactly one admin", async () => {
    await getDb().user.deleteMany();
    const users = await Promise.all(Array.from({ length: 10 }, (_, index) => createUser({ email: `racer${index}@example.com`, name: `Racer ${index}` })));
    expect(users.filter((user) => user.role === "admin")).toHaveLength(1);
  });
});
