// Helpers for browser tests: one Chromium per test file, a fresh context (cookies) per test.
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { CHROMIUM_ARGS } from "@/scripts/lib/chromium";
import { signedIn, type TestAccount } from "./http";

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
  return async function newPage(options: { viewport?: { width: number; height: number }; touch?: boolean; javaScript?: boolean } = {}): Promise<Page> {
    const { viewport, touch = false, javaScript = true } = options;
    const context = await browser!.newContext({
      baseURL: appUrl,
      ...(viewport ? { viewport } : {}),
      hasTouch: touch,
      isMobile: touch,
      javaScriptEnabled: javaScript,
    });
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

/** Opens the account menu in the header (the person's profile, settings, desks and Sign out are in it). */
export async function openAccountMenu(page: Page) {
  await page.getByTestId("signed-in-user").click();
  await page.getByRole("menu").waitFor();
}

/** Signs out through the account menu and waits for the header to offer signing in again. */
export async function signOut(page: Page) {
  await openAccountMenu(page);
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.getByRole("link", { name: "Sign in" }).first().waitFor();
}

/** Writes an argument on the claim of the page, as a person does: its side's button, the form, Post. */
export async function postArgument(page: Page, stance: "support" | "oppose", text: string) {
  await page.getByRole("button", { name: stance === "support" ? "Support this claim" : "Oppose this claim" }).click();
  await page.getByLabel(stance === "support" ? "Your supporting response" : "Your opposing response").fill(text);
  await page.getByRole("button", { name: "Post response" }).click();
}

/** Replies to a response (its card), choosing the side in the reply form. */
export async function replyTo(card: Locator, stance: "support" | "oppose", text: string) {
  await card
    .getByRole("button", { name: /^Reply to / })
    .first()
    .click();
  const form = card.locator("form").first();
  await form.getByRole("radio", { name: stance === "support" ? "Support it" : "Oppose it" }).check();
  await form.getByRole("textbox", { name: /^Your reply to / }).fill(text);
  await form.getByRole("button", { name: "Post response" }).click();
}

/** Chooses `item` in the menu a card's or a claim's "more" button opens. */
export async function chooseInMenu(page: Page, trigger: Locator, item: string | RegExp) {
  await trigger.click();
  await page.getByRole("menuitem", { name: item }).click();
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

/** The two screens every page is judged on: a 1280×800 desktop and a 390×844 touch phone. */
export const DESKTOP = { viewport: { width: 1280, height: 800 } };
export const PHONE = { viewport: { width: 390, height: 844 }, touch: true };

type NewPage = ReturnType<typeof setUpBrowser>;

/** A browser page signed in as `account` (the session cookie of a real sign-in), and that sign-in's HTTP client. */
export async function pageAs(newPage: NewPage, account: TestAccount, options: Parameters<NewPage>[0] = {}) {
  const client = await signedIn(appUrl, account);
  const page = await newPage(options);
  await page.context().addCookies(
    client.cookieHeader.split("; ").map((pair) => {
      const index = pair.indexOf("=");
      return { name: pair.slice(0, index), value: pair.slice(index + 1), url: appUrl };
    }),
  );
  return { page, client };
}

/**
 * Drags the mouse from the second character of `words` to the end of the last: a rough drag, which the
 * page snaps to whole words. (A press on a link's first letter puts the caret before the link, and a drag
 * from there selects nothing in Chromium.)
 */
export async function dragOver(page: Page, words: string) {
  const box = await page.evaluate((wanted) => {
    const container = document.querySelector('[data-testid="article-body"]')!;
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at + 1);
      range.setEnd(node, at + 2);
      const first = range.getBoundingClientRect();
      range.setStart(node, at + wanted.length - 1);
      range.setEnd(node, at + wanted.length);
      const last = range.getBoundingClientRect();
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, words);
  if (!box) throw new Error(`not in the article's text: ${words}`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}
