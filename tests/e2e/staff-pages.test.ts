// Staff pages answer with the status that says what happened: a visitor who is not signed in is sent to
// sign in; a signed-in person without the role gets 403 and a page that explains it; the role gets 200.
import { beforeAll, describe, expect, test } from "vitest";
import { appSql } from "../support/app-database";
import { appUrl, chromiumPath } from "../support/browser";
import { createAccount, HttpClient, signedIn } from "../support/http";

type Role = "user" | "editor" | "moderator" | "admin";
const PAGES: { path: () => string; needs: Role; explains: RegExp }[] = [];
let draftId: string;

const RANK: Role[] = ["user", "editor", "moderator", "admin"];
const allowed = (role: Role, needs: Role) => RANK.indexOf(role) >= RANK.indexOf(needs);

describe.skipIf(!chromiumPath)("staff pages", () => {
  const clients = new Map<Role, HttpClient>();

  beforeAll(async () => {
    [{ id: draftId }] = await appSql<{ id: string }>(
      `insert into "Article" (id, slug, title, body, blocks, "sourceHash", status) values ('staff-draft', 'staff-draft', 'A staff-only draft', 'Draft text.', '[]'::jsonb, 'staff-draft', 'draft') returning id`,
    );
    PAGES.push(
      { path: () => "/moderation", needs: "moderator", explains: /Only moderators/ },
      { path: () => "/admin", needs: "admin", explains: /Only admins/ },
      { path: () => "/editor", needs: "editor", explains: /Only editors/ },
      { path: () => "/editor/new", needs: "editor", explains: /Only editors/ },
      { path: () => `/editor/articles/${draftId}`, needs: "editor", explains: /Only editors/ },
      { path: () => "/editor/articles/no-such-article", needs: "editor", explains: /Only editors/ },
    );
    for (const role of RANK) clients.set(role, await signedIn(appUrl, await createAccount(`staff-${role}`, { role })));
  });

  test("not signed in: sent to sign in, and back afterwards", async () => {
    for (const page of PAGES) {
      const response = await new HttpClient(appUrl).fetch(page.path());
      expect(response.status, page.path()).toBe(307);
      const location = new URL(response.headers.get("location") ?? "", appUrl);
      expect(location.pathname, page.path()).toBe("/signin");
      expect(location.searchParams.get("callbackUrl"), page.path()).toBe(page.path());
    }
  });

  test("signed in without the role: 403 with a page that explains; with it: 200", async () => {
    for (const page of PAGES) {
      for (const role of RANK) {
        const response = await clients.get(role)!.fetch(page.path());
        const html = await response.text();
        if (allowed(role, page.needs)) {
          // A missing article is a 404 for those who may review articles.
          expect(response.status, `${role} ${page.path()}`).toBe(page.path().endsWith("no-such-article") ? 404 : 200);
        } else {
          expect(response.status, `${role} ${page.path()}`).toBe(403);
          expect(html, `${role} ${page.path()}`).toMatch(page.explains);
          expect(html).not.toContain("A staff-only draft");
        }
      }
    }
  });
});
