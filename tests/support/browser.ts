// Helpers for browser tests: one Chromium per test file, a fresh context (cookies) per test.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { CHROMIUM_ARGS } from "./chromium";

export const chromiumPath = inject("chromiumPath");
export const appUrl = inject("appUrl");

/** Call at the top of a test file: launches Chromium once and returns a factory for fresh pages. */
export function setUpBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    if (!chromiumPath) return;
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    await browser?.close();
  });
  return async function newPage(): Promise<Page> {
    const context = await browser!.newContext({ baseURL: appUrl });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  };
}

export function uniqueEmail(label = "reader") {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export async function signUp(page: Page, { name, email, password }: { name: string; email: string; password: string }) {
  await page.goto("/signup");
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Signs `account` in through the sign-in form and waits for the header to name them. */
export async function signInAs(page: Page, account: { email: string; password: string }, password = account.password) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("signed-in-user").waitFor();
}

/** Waits for an alert containing `text` (Next.js's own route announcer is an empty alert too). */
export async function alertText(page: Page, text: string) {
  const alert = page.getByRole("alert").filter({ hasText: text });
  await alert.waitFor();
  return alert.innerText();
}

/** Opens the n-th claim of the current article as its own page (its stable URL). */
export async function openClaimPage(page: Page, index = 0) {
  const href = await page.getByTestId("claim").nth(index).locator("xpath=..").getAttribute("href");
  await page.goto(href!);
  await page.getByTestId("claim-discussion").waitFor();
}
