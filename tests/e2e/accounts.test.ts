import { describe, expect, test } from "vitest";
import { alertText, appUrl, chromiumPath, openAccountMenu, signOut, signUp, uniqueEmail, setUpBrowser } from "../support/browser";
import { appSql } from "../support/app-database";
import { HttpClient } from "../support/http";

const newPage = setUpBrowser();
const PASSWORD = "correct horse battery";

async function countUsers(email: string) {
  const rows = await appSql<{ count: string }>(`select count(*) from "User" where email = $1`, [email]);
  return Number(rows[0].count);
}

describe.skipIf(!chromiumPath)("accounts", () => {
  test("sign up, sign out, sign in again", async () => {
    const page = await newPage();
    const email = uniqueEmail();
    await signUp(page, { name: "Ada Reader", email, password: PASSWORD });
    await page.waitForURL(`${appUrl}/`);
    const header = page.getByTestId("signed-in-user");
    await expect(header.innerText()).resolves.toContain("Ada Reader");
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name.includes("session-token"));
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");

    await signOut(page);
    expect(await page.getByTestId("signed-in-user").count()).toBe(0);

    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Email").fill(email.toUpperCase());
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await header.waitFor();
    await expect(header.innerText()).resolves.toContain("Ada Reader");
  });

  test("a wrong password says so and does not sign in", async () => {
    const page = await newPage();
    const email = uniqueEmail();
    await signUp(page, { name: "Bea", email, password: PASSWORD });
    await page.getByTestId("signed-in-user").waitFor();
    await signOut(page);

    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alertText(page, "Wrong email or password.")).resolves.toBe("Wrong email or password.");
    expect(page.url()).toContain("/signin");
    expect(await page.getByTestId("signed-in-user").count()).toBe(0);
  });

  test("sign-up explains every problem on the form and creates nothing", async () => {
    const page = await newPage();
    const existing = uniqueEmail("taken");
    await signUp(page, { name: "First", email: existing, password: PASSWORD });
    await page.getByTestId("signed-in-user").waitFor();
    await signOut(page);

    // A taken email gets the same answer as a new one (nothing tells a stranger it has an account);
    // the automatic sign-in then fails, and the sign-in page says what may have happened.
    await signUp(page, { name: "Second", email: existing, password: "a different passphrase 42" });
    await page.waitForURL(/\/signin\?error=SignUpNotSignedIn/);
    await page.getByText("If this email already had an account, sign in with that account's password.").waitFor();
    expect(await countUsers(existing)).toBe(1);

    const fresh = uniqueEmail("fresh");
    await signUp(page, { name: "Cleo", email: "not-an-email", password: "short" });
    await page.getByText("Enter a valid email address").waitFor();
    await page.getByText("Password must be at least 10 characters.").waitFor();

    await signUp(page, { name: "", email: fresh, password: "" });
    await page.getByText("Display name must be at least 2 characters.").waitFor();
    await page.getByText("Password must be at least 10 characters.").waitFor();
    // What was typed is still there to correct.
    await expect(page.getByLabel("Email").inputValue()).resolves.toBe(fresh);
    expect(await countUsers(fresh)).toBe(0);
  });

  test("a 10 MB sign-up is refused with a message on the form", async () => {
    const page = await newPage();
    const email = uniqueEmail("huge");
    await page.goto("/signup");
    // Past the input's maxlength, as a script or a modified page could send.
    await page.getByLabel("Display name").evaluate(
      (input: HTMLInputElement, size) => {
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
        setValue.call(input, "x".repeat(size));
        input.dispatchEvent(new Event("input", { bubbles: true }));
      },
      10 * 1024 * 1024,
    );
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(alertText(page, "We could not accept that submission")).resolves.toContain("Check that every field");
    expect(await countUsers(email)).toBe(0);
  });

  test("repeated wrong passwords are rate limited per account with 429 and Retry-After", async () => {
    const page = await newPage();
    const email = uniqueEmail("target");
    await page.goto("/signin");
    for (let attempt = 0; attempt < 5; attempt++) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`wrong password ${attempt}`);
      await Promise.all([
        page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials")),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
      await expect(alertText(page, "Wrong email or password.")).resolves.toBe("Wrong email or password.");
    }
    await page.getByLabel("Password").fill("wrong password again");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alertText(page, "Too many failed sign-in attempts.")).resolves.toMatch(/Try again in \d+ minutes?\./);

    const client = new HttpClient(appUrl);
    const response = await client.signIn(email, "anything");
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  test("a role change or a ban takes effect on the user's next request", async () => {
    const page = await newPage();
    const email = uniqueEmail("changed");
    await signUp(page, { name: "Dee", email, password: PASSWORD });
    const header = page.getByTestId("signed-in-user");
    await header.waitFor();

    await appSql(`update "User" set role = 'moderator' where email = $1`, [email]);
    await page.reload();
    await openAccountMenu(page);
    await expect(page.getByRole("menu").innerText()).resolves.toMatch(/Signed in as Dee \(moderator\)/);
    await page.getByRole("menuitem", { name: "Moderation" }).waitFor();

    await appSql(`update "User" set "bannedUntil" = now() + interval '1 day' where email = $1`, [email]);
    await page.reload();
    await page.getByRole("link", { name: "Sign in" }).waitFor();
    expect(await header.count()).toBe(0);

    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alertText(page, "suspended")).resolves.toMatch(/^This account is suspended until \d{4}-\d\d-\d\d\. Reason: none given\.$/);
  });
});
