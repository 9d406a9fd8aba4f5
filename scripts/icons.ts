// `npm run icons`: draws the site's icons from app/icon.svg (the one source) in Chromium, and writes
// app/favicon.ico (16, 32 and 48 px, PNG inside ICO) and app/apple-icon.png (180 px, square corners:
// iOS rounds them itself). Next.js serves all three and links them from every page's head. Run it after
// changing the SVG; the outputs are committed.
import fs from "node:fs";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "./lib/chromium";

const SOURCE = "app/icon.svg";

async function render(svg: string, size: number, page: import("playwright-core").Page): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<body style="margin:0">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body>`);
  return page.screenshot({ omitBackground: true });
}

/** An ICO file holding PNG images (supported by every browser since IE Vista-era). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("No Chromium found (install Debian's `chromium` package or set CHROMIUM_PATH).");
  const svg = fs.readFileSync(SOURCE, "utf8");
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const sizes = [16, 32, 48];
    const images = [];
    for (const size of sizes) images.push({ size, png: await render(svg, size, page) });
    fs.writeFileSync("app/favicon.ico", ico(images));
    fs.writeFileSync("app/apple-icon.png", await render(svg.replace(/rx="\d+"/, 'rx="0"'), 180, page));
    console.log("wrote app/favicon.ico and app/apple-icon.png");
  } finally {
    await browser.close();
  }
}

main().catch((error: Error) => {
  console.error(`icons: ${error.message}`);
  process.exit(1);
});
