// npm run screens: current screenshots of the pages people meet, at 1280 px and on a 390 px touch phone,
// signed out and signed in, so anyone can see what a change did. On the showcase site (its own database,
// scripts/lib/showcase.ts); written to screens/ (not committed), with an index.html to look through.
import fs from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "./lib/chromium";
import { startShowcase, type Showcase } from "./lib/showcase";

const OUT = "screens";
const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
] as const;

type Who = "signed-out" | "reader" | "moderator" | "admin";

function log(message: string) {
  console.error(`screens: ${message}`);
}

async function pageFor(browser: Browser, site: Showcase, viewport: (typeof VIEWPORTS)[number], who: Who) {
  const context = await browser.newContext({ baseURL: site.url, viewport: viewport.viewport, hasTouch: viewport.touch, isMobile: viewport.touch });
  const page = await context.newPage();
  if (who !== "signed-out") {
    const account = site.accounts[who];
    await page.goto("/signin");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByTestId("signed-in-user").waitFor();
  }
  return page;
}

/** Loads `path`, waits for the page and the person's layer to settle, and saves what the screen shows (and the whole page). */
async function shoot(page: Page, target: string, file: string, written: string[]) {
  await page.goto(target);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, `${file}.png`) });
  await page.screenshot({ path: path.join(OUT, `${file}-full.png`), fullPage: true });
  written.push(file);
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("No Chromium found (install Debian's `chromium` package or set CHROMIUM_PATH).");
  await fs.rm(OUT, { recursive: true, force: true });
  await fs.mkdir(OUT, { recursive: true });
  const site = await startShowcase(log);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const written: string[] = [];
  try {
    for (const viewport of VIEWPORTS) {
      for (const who of ["signed-out", "reader", "moderator"] as const) {
        log(`${viewport.name}, ${who}`);
        const page = await pageFor(browser, site, viewport, who);
        const name = (what: string) => `${viewport.name}-${who}-${what}`;
        if (who !== "moderator") {
          await shoot(page, "/", name("home"), written);
          await shoot(page, site.articlePath, name("article"), written);
          if (viewport.name === "desktop")
            await shoot(page, `${site.articlePath}?claim=${site.claimPath.split("/").pop()}`, name("article-with-claim"), written);
          await shoot(page, site.claimPath, name("claim"), written);
        }
        if (who === "reader") {
          await shoot(page, "/settings", name("settings"), written);
          // Readers bring articles: the form, their list, and the bookmarklet's help page.
          await shoot(page, "/submit", name("submit"), written);
          await shoot(page, "/submissions", name("submissions"), written);
          await shoot(page, "/help/argue-this-page", name("argue-this-page"), written);
        }
        if (who === "signed-out") {
          await shoot(page, "/moderation/log", name("moderation-log"), written);
          await shoot(page, "/rules", name("rules"), written);
          await shoot(page, "/submit", name("submit"), written);
        }
        if (who === "moderator") {
          await shoot(page, site.claimPath, name("claim"), written);
          await shoot(page, "/moderation", name("moderation"), written);
          await shoot(page, "/moderation/log", name("moderation-log"), written);
        }
        await page.context().close();
      }
      // Admins keep the site's rules, limits and the word filter.
      const admin = await pageFor(browser, site, viewport, "admin");
      await shoot(admin, "/admin", `${viewport.name}-admin-admin`, written);
      // Admins are editors too: the desk's feeds.
      await shoot(admin, "/editor/feeds", `${viewport.name}-admin-feeds`, written);
      await admin.context().close();
    }
  } finally {
    await browser.close();
    await site.stop();
  }
  const index = written.map((file) => `<figure><figcaption>${file}</figcaption><a href="${file}-full.png"><img src="${file}.png" loading="lazy"></a></figure>`);
  await fs.writeFile(
    path.join(OUT, "index.html"),
    `<!doctype html><meta charset="utf-8"><title>Arguably screens</title><style>body{font:14px sans-serif;display:flex;flex-wrap:wrap;gap:16px}img{max-width:420px;border:1px solid #ccc}</style>${index.join("\n")}`,
  );
  console.log(`${written.length} pages written to ${OUT}/ (open ${OUT}/index.html)`);
}

main().catch((error: Error) => {
  console.error(`screens: ${error.message}`);
  process.exit(1);
});
