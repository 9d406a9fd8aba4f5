import { describe, expect, test } from "vitest";
import { safeRedirectPath, safeRedirectUrl } from "@/lib/safe-redirect";

describe("redirect targets stay on the site", () => {
  test.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "http:evil.example",
    "",
    "evil.example",
  ])("%j falls back to the home page", (target) => {
    expect(safeRedirectPath(target)).toBe("/");
  });

  test("same-site paths keep their query and fragment", () => {
    expect(safeRedirectPath("/articles/x?sort=new#c1")).toBe("/articles/x?sort=new#c1");
    expect(safeRedirectPath(undefined, "/signin")).toBe("/signin");
  });

  test("absolute URLs are accepted only on our own origin", () => {
    expect(safeRedirectUrl("http://localhost:3000/articles", "http://localhost:3000")).toBe("http://localhost:3000/articles");
    expect(safeRedirectUrl("http://localhost:3000.evil.example/", "http://localhost:3000")).toBe("http://localhost:3000/");
    expect(safeRedirectUrl("/ok", "http://localhost:3000")).toBe("http://localhost:3000/ok");
  });
});
