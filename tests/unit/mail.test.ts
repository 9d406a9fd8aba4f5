// Mail's pure parts: what people write reaches an HTML mail only as text (every XSS payload of
// content/datasets/xss as a name, a response and an item), which provider counts as vouching for an
// address, and how a session's browser is named on the settings page.
import fs from "node:fs";
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import { deviceName } from "@/lib/accounts/device-name";
import { providerVouchesForEmail } from "@/lib/accounts/provider-address";
import { composeMail } from "@/lib/mail/compose";

const XSS = fs
  .readdirSync("content/datasets/xss")
  .filter((file) => file.endsWith(".txt"))
  .flatMap((file) => fs.readFileSync(`content/datasets/xss/${file}`, "utf8").split("\n"))
  .map((line) => line.replace(/\r$/, ""))
  .filter((line) => line.trim());

const ALLOWED_ELEMENTS = new Set(["HTML", "HEAD", "BODY", "P", "A", "DIV", "HR"]);

describe("mail bodies", () => {
  test(`all ${XSS.length} XSS payloads, as a name, a response and a digest item, stay text in the HTML part`, () => {
    expect(XSS.length).toBeGreaterThan(500);
    for (const payload of XSS) {
      const mail = composeMail({
        to: "reader@example.com",
        subject: payload,
        greeting: `Hello ${payload},`,
        paragraphs: [`“${payload}”`],
        action: { label: "Read and answer", url: "https://arguably.test/responses/abc" },
        items: [{ title: payload, body: payload, url: "https://arguably.test/responses/def" }],
        footer: [payload],
        unsubscribeUrl: "https://arguably.test/unsubscribe?u=a&l=digest&s=b",
      });
      const { document } = parseHTML(mail.html);
      const elements = [...document.querySelectorAll("*")];
      expect(
        elements.filter((element) => !ALLOWED_ELEMENTS.has(element.tagName)).map((element) => element.tagName),
        payload,
      ).toEqual([]);
      for (const element of elements) {
        for (const attribute of element.attributes) expect(attribute.name, payload).toMatch(/^(href|style)$/);
      }
      const links = [...document.querySelectorAll("a")].map((a) => a.getAttribute("href"));
      expect(
        links.every((href) => href?.startsWith("https://arguably.test/")),
        payload,
      ).toBe(true);
      // The person's words are all there, as text.
      expect(document.body.textContent, payload).toContain(payload);
      expect(mail.text).toContain(payload);
    }
  });

  test("every message has both parts and the site's name", () => {
    const mail = composeMail({ to: "a@example.com", subject: "Choose a new password", greeting: "Hello,", paragraphs: ["One."], footer: ["Small print."] });
    expect(mail.subject).toBe("Choose a new password · Arguably");
    expect(mail.text).toContain("Arguably");
    expect(mail.html).toContain("Arguably");
    expect(mail.unsubscribeUrl).toBeUndefined();
  });
});

describe("OAuth addresses", () => {
  test("Google vouches only when it says the address is verified; GitHub's addresses are verified ones; others do not", () => {
    expect(providerVouchesForEmail("google", { emailVouched: true })).toBe(true);
    expect(providerVouchesForEmail("google", { emailVouched: false })).toBe(false);
    expect(providerVouchesForEmail("google", {})).toBe(false);
    expect(providerVouchesForEmail("github", {})).toBe(true);
    expect(providerVouchesForEmail("credentials", { emailVouched: true })).toBe(false);
  });
});

describe("device names", () => {
  test.each([
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on Windows"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "Safari on macOS"],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Linux"],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "Safari on iOS",
    ],
    ["Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36 EdgA/131.0 Edg/131.0", "Edge on Android"],
    [null, "Unknown browser"],
    ["something else entirely", "Unknown browser"],
  ])("%s → %s", (agent, name) => {
    expect(deviceName(agent)).toBe(name);
  });
});
