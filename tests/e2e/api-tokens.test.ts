// Personal access tokens in the browser: created on the settings page (shown once, with its scope and
// expiry), then used by a script against the API, then revoked on the same page, after which the
// script is refused. The page passes axe.
import { describe, expect, test } from "vitest";
import { seriousViolations } from "../support/axe";
import { appUrl, chromiumPath, setUpBrowser, openAccountMenu } from "../support/browser";
import { createAccount } from "../support/http";

const newPage = setUpBrowser();

const asScript = (token: string, path = "/api/v1/me", init: RequestInit = {}) =>
  fetch(new URL(path, appUrl), { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });

describe.skipIf(!chromiumPath)("access tokens on the settings page", () => {
  test("create a write token, see it once, use it from a script, revoke it", { timeout: 60_000 }, async () => {
    const account = await createAccount("token-owner");
    const page = await newPage();
    await page.goto("/signin");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByTestId("signed-in-user").waitFor();
    await openAccountMenu(page);
    await page.getByRole("menuitem", { name: "Settings" }).click();
    await page.waitForURL(/\/settings$/);
    await expect(page.getByText("You have no tokens.").isVisible()).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Token name").fill("Classroom export script");
    await page.getByLabel("Read, post responses and vote as me").check();
    await page.getByLabel("Expires").selectOption("30");
    await page.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByTestId("new-token");
    await shown.waitFor();
    const token = await shown.inputValue();
    expect(token).toMatch(/^arg_pat_[A-Za-z0-9_-]{43}$/);
    await expect(page.getByText("it will not be shown again").isVisible()).resolves.toBe(true);
    const row = page.getByTestId("token-row").filter({ hasText: "Classroom export script" });
    const lastUsed = row.locator("td").nth(2);
    await expect(row.locator("td").nth(1).innerText()).resolves.toBe("read and write");
    await expect(lastUsed.innerText()).resolves.toBe("never");
    expect(await seriousViolations(page)).toEqual([]);

    const me = await asScript(token);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: account.id, name: "token-owner", token: { scope: "write" } });
    // Once used, the page says so; the secret itself is not on the page any more.
    await page.getByRole("button", { name: "Done" }).click();
    await page.reload();
    await expect(lastUsed.innerText()).resolves.toMatch(/^\d{1,2} \w{3} \d{4}$/);
    expect(await page.content()).not.toContain(token);
    await expect(row.innerText()).resolves.toContain(token.slice(0, 14));

    page.once("dialog", (dialog) => dialog.accept());
    await row.getByRole("button", { name: "Revoke Classroom export script" }).click();
    await row.getByText("revoked").waitFor();
    const refused = await asScript(token);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: "invalid_token" });
  });

  test("the developers page documents every operation of the OpenAPI document, reachable from every page's footer", async () => {
    const document = (await (await fetch(new URL("/api/openapi.json", appUrl))).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()}${path}`));
    const page = await newPage();
    await page.goto("/");
    await page.getByRole("link", { name: "API for developers" }).click();
    await page.waitForURL(/\/developers$/);
    const headings = await page.getByTestId("api-operation").getByRole("heading", { level: 2 }).allInnerTexts();
    expect(headings.map((heading) => heading.replace(/\s+/g, "").replace(/^(get|post|put)/i, (method) => method.toUpperCase()))).toEqual(documented);
    await expect(page.getByText("Authorization: Bearer $TOKEN").count()).resolves.toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the settings page asks for sign-in first", async () => {
    const page = await newPage();
    await page.goto("/settings");
    await page.waitForURL(/\/signin\?callbackUrl=%2Fsettings|\/signin\?callbackUrl=\/settings/);
  });
});
