import { describe, expect, test } from "vitest";
import { canonicalUrl, declaredCanonical } from "@/lib/net/canonical-url";

describe("one address per original", () => {
  test("tracking parameters, fragments, default ports and the host's case do not make another article", () => {
    const same = [
      "https://News.Example.com/2026/12/opinion/buses?utm_source=twitter&utm_medium=social",
      "https://news.example.com:443/2026/12/opinion/buses?fbclid=IwAR0abc#comments",
      "https://news.example.com/2026/12/opinion/buses",
    ];
    expect(new Set(same.map((address) => canonicalUrl(address)))).toEqual(new Set(["https://news.example.com/2026/12/opinion/buses"]));
    // What does identify a page stays, in one order.
    expect(canonicalUrl("https://example.com/article?id=42&utm_campaign=x&page=2")).toBe("https://example.com/article?id=42&page=2");
    expect(canonicalUrl("https://example.com/article?page=2&id=42")).toBe("https://example.com/article?id=42&page=2");
  });

  test("only http and https addresses, without credentials", () => {
    for (const address of ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.com/a", "not a url", "https://user:pass@example.com/a"]) {
      expect(canonicalUrl(address), address).toBeNull();
    }
  });

  test("a page's rel=canonical, or else its og:url, names the original; relative addresses resolve against the page", () => {
    const page = "https://m.example.com/story/1?utm_source=app";
    expect(declaredCanonical(`<html><head><link rel="canonical" href="https://www.example.com/story/1"></head>`, page)).toBe("https://www.example.com/story/1");
    expect(declaredCanonical(`<head><meta property="og:url" content="/story/1?utm_medium=x&amp;id=3"></head>`, page)).toBe(
      "https://m.example.com/story/1?id=3",
    );
    expect(
      declaredCanonical(`<head><link href='https://a.example/x' rel='alternate canonical'><meta property="og:url" content="https://b.example/y"></head>`, page),
    ).toBe("https://a.example/x");
    expect(declaredCanonical(`<head><link rel="canonical" href="javascript:alert(1)"></head>`, page)).toBeNull();
    expect(declaredCanonical("<p>No head at all.</p>", page)).toBeNull();
  });
});
