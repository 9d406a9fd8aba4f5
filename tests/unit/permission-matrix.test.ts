// Every entry of the policy module, for every kind of person. A new action in POLICY without a row
// here fails the first test.
import { describe, expect, test } from "vitest";
import { POLICY, can, type Actor, type PolicyAction, type Subject } from "@/lib/policy";

const future = new Date(Date.now() + 24 * 3600 * 1000);
const person = (id: string, role: Actor["role"], extra: Partial<Actor> = {}): Actor => ({ id, role, bannedUntil: null, silencedUntil: null, ...extra });

const ACTORS = {
  anonymous: null,
  user: person("user", "user"),
  author: person("author", "user"),
  other: person("other", "user"),
  silenced: person("silenced", "user", { silencedUntil: future }),
  // Has not confirmed their email address, on a site that requires it to post (unverifiedMayPost = 0).
  unconfirmed: person("unconfirmed", "user", { mustVerifyEmail: true }),
  banned: person("banned", "admin", { bannedUntil: future }),
  editor: person("editor", "editor"),
  moderator: person("moderator", "moderator"),
  admin: person("admin", "admin"),
} as const;

type Who = keyof typeof ACTORS;

// The item belongs to "author"; actions on people target a plain user.
const SUBJECT: Subject = { authorId: "author", userId: "target", userRole: "user" };

const EVERYONE_SIGNED_IN: Who[] = ["user", "author", "other", "silenced", "unconfirmed", "editor", "moderator", "admin"];
const MATRIX: Record<PolicyAction, Who[]> = {
  "response.post": ["user", "author", "other", "editor", "moderator", "admin"],
  "response.edit": ["author"],
  "response.delete": ["author"],
  "claim.raise": ["user", "author", "other", "editor", "moderator", "admin"],
  "article.submit": ["user", "author", "other", "editor", "moderator", "admin"],
  "claim.withdraw": ["author"],
  "claim.curate": ["editor", "moderator", "admin"],
  "claim.vote": EVERYONE_SIGNED_IN,
  "response.vote": EVERYONE_SIGNED_IN.filter((who) => who !== "author"),
  "response.askForSource": EVERYONE_SIGNED_IN.filter((who) => who !== "author"),
  "claim.crux": EVERYONE_SIGNED_IN,
  follow: EVERYONE_SIGNED_IN,
  report: EVERYONE_SIGNED_IN.filter((who) => who !== "author"),
  "notifications.read": EVERYONE_SIGNED_IN,
  "article.import": ["editor", "moderator", "admin"],
  "article.review": ["editor", "moderator", "admin"],
  "moderation.queue": ["moderator", "admin"],
  "moderation.act": ["moderator", "admin"],
  "moderation.decide": ["moderator", "admin"],
  "moderation.seeNames": ["moderator", "admin"],
  "user.sanction": ["moderator", "admin"],
  "user.role": ["admin"],
  "settings.manage": ["admin"],
  "rules.manage": ["admin"],
  "tokens.manage": EVERYONE_SIGNED_IN,
  "account.manage": EVERYONE_SIGNED_IN,
  "account.export": EVERYONE_SIGNED_IN,
  "account.delete": EVERYONE_SIGNED_IN,
};

describe("permission matrix", () => {
  test("has a row for every action of the policy module", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(POLICY).sort());
  });

  for (const action of Object.keys(POLICY) as PolicyAction[]) {
    test(`${action}: allowed for ${MATRIX[action].join(", ")}; refused for everyone else`, () => {
      const allowed = (Object.keys(ACTORS) as Who[]).filter((who) => can(ACTORS[who], action, SUBJECT));
      expect(allowed).toEqual(MATRIX[action]);
    });
  }
});

describe("staff act only on people below them", () => {
  test("a moderator cannot sanction another moderator or an admin; an admin can sanction a moderator", () => {
    expect(can(ACTORS.moderator, "user.sanction", { userId: "m2", userRole: "moderator" })).toBe(false);
    expect(can(ACTORS.moderator, "user.sanction", { userId: "a2", userRole: "admin" })).toBe(false);
    expect(can(ACTORS.admin, "user.sanction", { userId: "m2", userRole: "moderator" })).toBe(true);
  });

  test("no moderator decides about their own content while another moderator could", () => {
    expect(can(ACTORS.moderator, "moderation.decide", { authorId: "moderator", otherModerators: 1 })).toBe(false);
    expect(can(ACTORS.admin, "moderation.decide", { authorId: "admin", otherModerators: 3 })).toBe(false);
    expect(can(ACTORS.moderator, "moderation.decide", { authorId: "someone-else", otherModerators: 1 })).toBe(true);
    // The site's only moderator may, having said so (the command asks, the log records it).
    expect(can(ACTORS.moderator, "moderation.decide", { authorId: "moderator", otherModerators: 0 })).toBe(true);
    expect(can(ACTORS.user, "moderation.decide", { authorId: "someone-else", otherModerators: 1 })).toBe(false);
  });

  test("nobody sanctions or re-roles themselves", () => {
    expect(can(ACTORS.admin, "user.sanction", { userId: "admin", userRole: "user" })).toBe(false);
    expect(can(ACTORS.admin, "user.role", { userId: "admin", userRole: "admin" })).toBe(false);
  });

  test("a silence or ban that has ended no longer restricts", () => {
    const past = new Date(Date.now() - 1000);
    expect(can(person("x", "user", { silencedUntil: past }), "response.post")).toBe(true);
    expect(can(person("x", "user", { bannedUntil: past }), "claim.vote")).toBe(true);
  });
});
