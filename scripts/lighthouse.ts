// npm run -s bench:lighthouse: Lighthouse 12 (on Debian's Chromium) on the home, article and claim pages
// of the showcase site (scripts/lib/showcase.ts), with its mobile preset (412 px, throttled) and its
// desktop preset, as a reader who is not signed in meets them. Prints one JSON object: per page and
// preset the accessibility, best-practices and SEO scores and the cumulative layout shift, beside the
// targets of issue 28 (accessibility 100, best practices ≥ 95, SEO ≥ 90, CLS ≤ 0.02). A figure, not a
// test: the machine's load moves nothing here but the performance score, which is left out.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { findChromium } from "./lib/chromium";
import { startShowcase } from "./lib/showcase";

const TARGETS = { accessibility: 100, "best-practices": 95, seo: 90, cls: 0.02 };

interface Result {
  page: string;
  preset: "mobile" | "desktop";
  accessibility: number;
  "best-practices": number;
  seo: number;
  cls: number;
  /** What kept a score below 100 (the failing audits' titles). */
  failing: string[];
  met: boolean;
}

function log(message: string) {
  console.error(`lighthouse: ${message}`);
}

async function main() {
  const chromePath = findChromium();
  if (!chromePath) throw new Error("No Chromium found (install Debian's `chromium` package or set CHROMIUM_PATH).");
  const site = await startShowcase(log);
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const results: Result[] = [];
  try {
    const pages = { home: "/", article: site.articlePath, claim: site.claimPath };
    for (const preset of ["mobile", "desktop"] as const) {
      for (const [page, path] of Object.entries(pages)) {
        log(`${page} (${preset})`);
        const run = await lighthouse(
          `${site.url}${path}`,
          { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices", "seo"] },
          preset === "desktop" ? desktopConfig : undefined,
        );
        if (!run) throw new Error(`Lighthouse returned nothing for ${path}.`);
        const { categories, audits } = run.lhr;
        const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
        const failing = ["accessibility", "best-practices", "seo"].flatMap((id) =>
          (categories[id]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => `${id}: ${audits[ref.id].title}`),
        );
        const result = {
          page,
          preset,
          accessibility: score("accessibility"),
          "best-practices": score("best-practices"),
          seo: score("seo"),
          cls: Number((audits["cumulative-layout-shift"]?.numericValue ?? 0).toFixed(4)),
          failing,
        };
        results.push({
          ...result,
          met:
            result.accessibility >= TARGETS.accessibility &&
            result["best-practices"] >= TARGETS["best-practices"] &&
            result.seo >= TARGETS.seo &&
            result.cls <= TARGETS.cls,
        });
      }
    }
  } finally {
    chrome.kill();
    await site.stop();
  }
  for (const result of results) {
    log(
      `${result.page.padEnd(8)} ${result.preset.padEnd(8)} a11y ${result.accessibility}  best practices ${result["best-practices"]}  SEO ${result.seo}  CLS ${result.cls}  ${result.met ? "met" : `NOT MET ${result.failing.join("; ")}`}`,
    );
  }
  console.log(JSON.stringify({ lighthouse: "12.2.3", targets: TARGETS, results, allMet: results.every((result) => result.met) }, null, 2));
}

main().catch((error: Error) => {
  console.error(`lighthouse: ${error.message}`);
  process.exit(1);
});
