// Payload lists from content/datasets/ (MIT, licences beside them): every open-redirect payload stays on
// the site, and no XSS payload survives the Markdown renderer as markup that could run.
import fs from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { Markdown, MAX_NESTING, MAX_SOURCE } from "@/components/markdown";
import { RESPONSE_MAX } from "@/lib/argument/response-rules";
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

describe("GitHub-flavoured Markdown in responses", () => {
  const render = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

  test("a pasted address becomes a link that opens safely; ~~text~~ is struck through; a lone ~ stays text", () => {
    const html = render("See https://www.nato.int/cps/en/natohq/topics_37750.htm and www.example.org for ~~two~~ ~5 reasons.");
    expect(html).toContain('<a href="https://www.nato.int/cps/en/natohq/topics_37750.htm" rel="nofollow ugc noopener noreferrer" target="_blank">');
    expect(html).toContain('<a href="http://www.example.org" rel="nofollow ugc noopener noreferrer" target="_blank">www.example.org</a>');
    expect(html).toContain("<del>two</del>");
    expect(html).toContain("~5 reasons");
  });

  test("tables and task lists show as their text, not as markup outside the subset", () => {
    const html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done");
    expect(html).not.toMatch(/<(table|input)/);
    expect(html).toContain("done");
  });
});

describe("Markdown bombs", () => {
  const render = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));
  const depth = (html: string, tag: string) => {
    let deepest = 0;
    let open = 0;
    for (const match of html.matchAll(new RegExp(`<(/?)${tag}[ >]`, "g"))) {
      open += match[1] ? -1 : 1;
      deepest = Math.max(deepest, open);
    }
    return deepest;
  };
  const fit = (text: string, length = RESPONSE_MAX) => text.slice(0, length);

  test("the deepest nesting a response can hold renders, flattened to a bounded depth", () => {
    const quotes = render(">".repeat(RESPONSE_MAX - 5) + " deep");
    expect(depth(quotes, "blockquote")).toBe(MAX_NESTING);
    expect(quotes).toContain("deep");
    const lists = render(fit("- ".repeat(RESPONSE_MAX / 2 - 3) + "leaf"));
    expect(depth(lists, "ul")).toBeLessThanOrEqual(MAX_NESTING);
    const mixed = render(fit("> 1. - ".repeat(800)) + "core");
    expect(depth(mixed, "blockquote") + depth(mixed, "ol") + depth(mixed, "ul")).toBeLessThanOrEqual(MAX_NESTING + 2);
    expect(mixed).toContain("core");
  });

  test("emphasis, brackets, links and tables at the length limit render as bounded, inert markup", () => {
    for (const bomb of [
      "*a ".repeat(2000),
      "*_".repeat(2500),
      "[".repeat(RESPONSE_MAX),
      "[a](".repeat(1300),
      "[a](http://x) ".repeat(400),
      "| a | b |\n|---|---|\n" + "| x | y |\n".repeat(600),
    ]) {
      const html = render(fit(bomb));
      expect(html.length).toBeLessThan(40 * RESPONSE_MAX);
      expect(html).not.toMatch(/<(table|script|img|iframe)/);
    }
  });

  test("a megabyte of emphasis, nesting or table (never accepted, but possible in stored data) is shown as plain text", () => {
    for (const bomb of ["*a ".repeat(350_000), ">".repeat(1_000_000), "| x | y | z |\n".repeat(80_000)]) {
      expect(bomb.length).toBeGreaterThan(MAX_SOURCE);
      const html = render(bomb);
      expect(html).toMatch(/^<div[^>]*><p class="whitespace-pre-wrap">/);
      expect(html).not.toMatch(/<(em|blockquote|table)/);
    }
  });
});
