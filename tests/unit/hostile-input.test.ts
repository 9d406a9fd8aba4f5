// Payload lists from content/datasets/ (MIT, licences beside them): every open-redirect payload stays on
// the site, and no XSS payload survives the Markdown renderer as markup that could run.
import fs from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { Markdown } from "@/components/markdown";
import { safeRedirectPath, safeRedirectUrl } from "@/lib/safe-redirect";

const lines = (file: string) =>
  fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((line) => line.replace(/\r$/, ""))
    .filter((line) => line.trim());

const REDIRECTS = lines("content/datasets/open-redirect/Open-Redirect-payloads.txt");
const XSS = fs
  .readdirSync("content/datasets/xss")
  .filter((file) => file.endsWith(".txt"))
  .flatMap((file) => lines(`content/datasets/xss/${file}`));

const ORIGIN = "http://localhost:3000";

describe("open redirects", () => {
  test(`all ${REDIRECTS.length} payloads, as a callback path or URL, stay on the site`, () => {
    expect(REDIRECTS.length).toBeGreaterThan(100);
    const decoded = REDIRECTS.map((payload) => {
      try {
        return decodeURIComponent(payload);
      } catch {
        return payload;
      }
    });
    for (const payload of [...REDIRECTS, ...decoded]) {
      const path = safeRedirectPath(payload);
      expect(new URL(path, ORIGIN).origin, payload).toBe(ORIGIN);
      expect(path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\"), payload).toBe(true);
      expect(new URL(safeRedirectUrl(payload, ORIGIN)).origin, payload).toBe(ORIGIN);
    }
  });
});

describe("cross-site scripting through responses (Markdown)", () => {
  test(`none of ${XSS.length} payloads renders an element, attribute or URL that can run script`, () => {
    expect(XSS.length).toBeGreaterThan(800);
    for (const payload of XSS) {
      const html = renderToStaticMarkup(createElement(Markdown, { text: payload }));
      expect(html, payload).not.toMatch(/<(script|iframe|object|embed|svg|math|img|video|audio|style|link|meta|base|form|input|body|html)[\s>/]/i);
      expect(html, payload).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
      expect(html, payload).not.toMatch(/(href|src)\s*=\s*"\s*(javascript|vbscript|data):/i);
    }
  });
});
