// What a real browser asks for when someone opens a page (issue 29): the bench opens each page kind in
// Debian's Chromium, records every request the view makes in its first seconds (the page, the person's
// layer, prefetches, in-app navigations), and hands them back as shapes to replay under load with the
// browser's own headers. Also times in-app navigations (a claim opened from an article, and back).
import { chromium, type Browser, type BrowserContext, type Page, type Request } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "./chromium";

/** One request as the browser sent it, to be replayed. */
export interface RequestShape {
  method: string;
  /** Path and query. */
  path: string;
  /** The browser's headers, without the cookie (the replay gives each connection its own person). */
  headers: Record<string, string>;
  /** The body the browser sent (a server action's arguments), if any. */
  body?: string;
  /**
   * What it is, for the report: the page itself, the person's layer, a component payload (navigation or
   * prefetch), a server action the page called, or anything else.
   */
  kind: "page" | "layer" | "component" | "prefetch" | "action" | "other";
}

// Not replayed: files the browser keeps (immutable, hashed names) and the live stream, which stays open
// and is measured by the fan-out.
const NOT_A_VIEW_COST = [/^\/_next\/static\//, /^\/api\/live(?:\?|$)/, /^\/(?:favicon\.ico|icon\.svg|apple-icon\.png)/];
// Hop-by-hop and per-connection headers autocannon sets itself.
const DROPPED_HEADERS = new Set(["cookie", "host", "connection", "content-length"]);

function kindOf(path: string, headers: Record<string, string>, pagePath: string): RequestShape["kind"] {
  if (headers["next-action"]) return "action";
  if (headers.rsc === "1") return headers["next-router-prefetch"] || headers["next-router-segment-prefetch"] ? "prefetch" : "component";
  if (path.startsWith("/api/viewer")) return "layer";
  if (path === pagePath) return "page";
  return "other";
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("No Chromium found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.");
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** A browser context at 1280×900, signed in as the person whose cookie header is `cookie` (or no one). */
export async function browserContext(browser: Browser, appUrl: string, cookie: string | null, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, hasTouch: viewport.width < 600, isMobile: viewport.width < 600 });
  if (cookie) {
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const index = pair.indexOf("=");
        return { name: pair.slice(0, index), value: pair.slice(index + 1), url: appUrl };
      }),
    );
  }
  return context;
}

/**
 * Opens `path` in a fresh page of `context` and records every request to the app in the first
 * `seconds` (static files and the live stream aside). The page is closed afterwards.
 */
export async function recordView(context: BrowserContext, appUrl: string, path: string, seconds = 5): Promise<RequestShape[]> {
  const page = await context.newPage();
  const origin = new URL(appUrl).origin;
  const pending: Promise<RequestShape | null>[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin) return;
    const pathAndQuery = url.pathname + url.search;
    if (NOT_A_VIEW_COST.some((pattern) => pattern.test(pathAndQuery))) return;
    pending.push(
      request.allHeaders().then((all) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(all)) if (!DROPPED_HEADERS.has(name) && !name.startsWith(":")) headers[name] = value;
        const body = request.postData() ?? undefined;
        return { method: request.method(), path: pathAndQuery, headers, ...(body ? { body } : {}), kind: kindOf(pathAndQuery, headers, path) };
      }),
    );
  });
  await page.goto(new URL(path, appUrl).toString(), { waitUntil: "load" });
  // Hovering nothing, focusing nothing: what the view costs by itself, as a reader reads.
  await page.waitForTimeout(seconds * 1000);
  await page.close();
  return (await Promise.all(pending)).filter((shape): shape is RequestShape => shape !== null);
}

/** p50 and p95 of a list of milliseconds. */
export function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { p50_ms: Math.round(at(0.5)), p95_ms: Math.round(at(0.95)), count: sorted.length };
}

export interface NavigationTimes {
  /** From the click to the debate on screen (the browser's work included, on a machine the load keeps busy). */
  open: ReturnType<typeof percentiles>;
  /** The navigation's own requests (React Server Component payloads), from sent to answered in full. */
  open_requests: ReturnType<typeof percentiles>;
  /** From Back to the article whole again. */
  back: ReturnType<typeof percentiles>;
}

/**
 * Opens `claims` claims from an article twice over, as readers do: the pointer goes to a claim's words,
 * a click, and the time until its debate is on screen; then Back. The first pass is the first reader
 * to open each claim since it last changed (its navigation is rendered once, then shared); the second
 * is every reader after. At 1280 px the debate opens beside the text; on a phone it is the claim's page.
 */
export async function timeNavigations(context: BrowserContext, appUrl: string, articlePath: string, claims: number) {
  const page: Page = await context.newPage();
  await page.goto(new URL(articlePath, appUrl).toString(), { waitUntil: "load" });
  const marks = page.locator("article a[data-claim-id]");
  const count = Math.min(claims, await marks.count());
  if (!count) throw new Error(`no claim marks on ${articlePath}`);
  const wide = (page.viewportSize()?.width ?? 0) >= 1024;
  // The navigation's own requests (not prefetches): when each was sent, and how long it took to finish.
  const sent = new Map<Request, number>();
  const took = new Map<Request, number>();
  page.on("request", (request) => {
    if (request.headers().rsc === "1" && !request.headers()["next-router-prefetch"]) sent.set(request, performance.now());
  });
  const finished = (request: Request) => {
    const at = sent.get(request);
    if (at !== undefined) took.set(request, performance.now() - at);
  };
  page.on("requestfinished", finished);
  page.on("requestfailed", finished);
  const passes: Record<"first_reader" | "later_readers", NavigationTimes> = {} as never;
  for (const pass of ["first_reader", "later_readers"] as const) {
    const open: number[] = [];
    const requests: number[] = [];
    const back: number[] = [];
    for (let index = 0; index < count; index++) {
      const mark = marks.nth(index);
      await mark.scrollIntoViewIfNeeded();
      if (wide) await mark.hover();
      // A reader's pointer or finger rests a moment before the click lands.
      await page.waitForTimeout(150);
      sent.clear();
      took.clear();
      let started = performance.now();
      if (wide) await mark.click();
      else await mark.tap();
      await page.getByTestId("claim-discussion").first().waitFor({ state: "visible", timeout: 30_000 });
      open.push(performance.now() - started);
      for (let waited = 0; took.size < sent.size && waited < 5_000; waited += 50) await page.waitForTimeout(50);
      if (took.size) requests.push(Math.max(...took.values()));
      started = performance.now();
      await page.goBack();
      if (wide) await page.getByTestId("claim-discussion").first().waitFor({ state: "detached", timeout: 30_000 });
      else await page.locator("article a[data-claim-id]").first().waitFor({ state: "visible", timeout: 30_000 });
      back.push(performance.now() - started);
    }
    passes[pass] = { open: percentiles(open), open_requests: percentiles(requests), back: percentiles(back) };
  }
  await page.close();
  return passes;
}
