// Debian's Chromium, driven by playwright-core (Playwright cannot download browsers here): the browser
// tests, `npm run icons`, `npm run screens` and the Lighthouse run.
import fs from "node:fs";
import { chromiumPathSetting } from "@/lib/env";

const CANDIDATES = [chromiumPathSetting(), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function findChromium(): string | null {
  return CANDIDATES.find((candidate): candidate is string => Boolean(candidate && fs.existsSync(candidate))) ?? null;
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
