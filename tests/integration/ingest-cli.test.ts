import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { getDb } from "@/lib/db/client";
import { runScript } from "../support/scripts";

const directory = fs.mkdtempSync(path.join(os.tmpdir(), "arguably-ingest-"));
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

const ingest = (...args: string[]) => runScript("scripts/ingest.ts", ...args);

function file(name: string, content: string | Buffer) {
  const target = path.join(directory, name);
  fs.writeFileSync(target, content);
  return target;
}

describe("npm run ingest", () => {
  test("--dry-run --json prints exactly one JSON object with anchored claims, and stores nothing", async () => {
    const result = await ingest("--dry-run", "--json", "content/seeds/korea-scenario.txt");
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    const output = JSON.parse(result.stdout) as {
      title: string;
      byline: string | null;
      body: string;
      claims: { text: string; start: number; end: number; score: number }[];
    };
    expect(Object.keys(output)).toEqual(["title", "byline", "body", "claims"]);
    expect(output.title).toBe("Why The U.S. May Be Pushing The Controversial “Korea Scenario” For Ukraine");
    expect(output.byline).toBe("Yuri Fedorov");
    expect(output.claims.length).toBeGreaterThan(0);
    for (const claim of output.claims) {
      expect(output.body.slice(claim.start, claim.end)).toBe(claim.text);
      expect(claim.score).toBeGreaterThanOrEqual(0);
      expect(claim.score).toBeLessThanOrEqual(1);
    }
    expect(await getDb().article.count()).toBe(0);
  });

  test("a progress line on stderr (here from the start; by default after a second) counts the sentences, and stdout keeps only the result", async () => {
    process.env.PROGRESS_AFTER_MS = "0";
    try {
      const result = await ingest("--dry-run", "--json", "content/seeds/korea-scenario.txt");
      expect(result.code).toBe(0);
      const lines = result.stderr.split("\n");
      expect(lines[0]).toBe("ingest: finding the article…");
      expect(lines).toContainEqual(expect.stringMatching(/^ingest: splitting into claims: (\d+) of \1 sentences \(100%\)$/));
      expect(() => JSON.parse(result.stdout)).not.toThrow();
    } finally {
      delete process.env.PROGRESS_AFTER_MS;
    }
  });

  test("without --dry-run stores the article with its claims and prints its URL", async () => {
    const result = await ingest("content/seeds/nato-ukraine-invite.txt");
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^http:\/\/localhost:\d+\/articles\/time-to-start-thinking-about-walking-away-from-nato-invite-to-ukraine$/);
    const article = await getDb().article.findFirstOrThrow({
      select: { body: true, status: true, claims: { select: { start: true, end: true, exact: true, text: true } } },
    });
    expect(article.status).toBe("published");
    expect(article.claims.length).toBeGreaterThan(0);
    for (const claim of article.claims) expect(article.body.slice(claim.start, claim.end)).toBe(claim.exact);
  });

  test.each([
    ["an empty file", () => file("empty.txt", ""), "ingest: The input is empty."],
    [
      "binary data",
      () => file("image.bin", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0xd8, 0xff])),
      "ingest: The input is not UTF-8 text (binary data or another encoding).",
    ],
    [
      "Latin-1 text",
      () => file("latin1.txt", Buffer.from("Caf\xe9 cr\xe8me, d\xe9j\xe0 vu.", "latin1")),
      "ingest: The input is not UTF-8 text (binary data or another encoding).",
    ],
    [
      "a 50 MB file",
      () => {
        const target = path.join(directory, "huge.txt");
        fs.writeFileSync(target, "");
        fs.truncateSync(target, 50 * 1024 * 1024);
        return target;
      },
      "ingest: The input is larger than 5 MB.",
    ],
    [
      "a page with no article",
      () => file("menu.txt", "Home\nWorld\nSign in\nSubscribe\n"),
      "ingest: No article text found: the input has no paragraphs of prose.",
    ],
    ["a missing file", () => path.join(directory, "nope.txt"), `ingest: No such file: ${path.join(directory, "nope.txt")}`],
    ["a loopback URL", () => "http://127.0.0.1:9/article", "ingest: Refusing to fetch 127.0.0.1: it points to a private or local address."],
    ["a private-network URL", () => "http://10.1.2.3/article", "ingest: Refusing to fetch 10.1.2.3: it points to a private or local address."],
    [
      "a cloud metadata URL",
      () => "http://[::ffff:169.254.169.254]/",
      "ingest: Refusing to fetch [::ffff:a9fe:a9fe]: it points to a private or local address.",
    ],
    ["a non-http URL", () => "ftp://example.com/a.txt", "ingest: Only http and https URLs can be imported (got ftp:)."],
  ])("%s exits 2 with a one-line reason and stores nothing", async (_, source, message) => {
    const result = await ingest("--dry-run", source());
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
    expect(result.stdout).toBe("");
    const stored = await ingest(source());
    expect(stored.code).toBe(2);
    expect(await getDb().article.count({ where: { title: { not: "Time to start thinking about walking away from NATO invite to Ukraine" } } })).toBe(0);
  });
});

describe("fetching a page", () => {
  test("over http with a size cap and a content-type check; private hosts only as named in FETCH_ALLOW_HOSTS, at every redirect", async () => {
    const { fetchPage } = await import("@/lib/net/fetch-page");
    const { fetchAllowHosts, parseServerEnv } = await import("@/lib/env");
    const server = http.createServer((request, response) => {
      if (request.url === "/big") {
        response.writeHead(200, { "Content-Type": "text/html" });
        response.end("x".repeat(200_000));
      } else if (request.url === "/image") {
        response.writeHead(200, { "Content-Type": "image/png" });
        response.end("png");
      } else if (request.url === "/moved") {
        response.writeHead(302, { Location: "/page" });
        response.end();
      } else if (request.url === "/elsewhere") {
        // To another local port that nobody named: refused before any connection is made.
        response.writeHead(302, { Location: "http://127.0.0.1:9/secret" });
        response.end();
      } else {
        response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        response.end("<html><body><p>Hello</p></body></html>");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const allowHosts = fetchAllowHosts(parseServerEnv({ FETCH_ALLOW_HOSTS: `127.0.0.1:${new URL(base).port}, wiki.internal:443` }));
      const page = await fetchPage(`${base}/moved`, { allowHosts });
      expect(page).toEqual({ url: `${base}/page`, text: "<html><body><p>Hello</p></body></html>" });
      await expect(fetchPage(`${base}/big`, { allowHosts, maxBytes: 100_000 })).rejects.toThrow("larger than");
      await expect(fetchPage(`${base}/image`, { allowHosts })).rejects.toThrow("Not a web page (image/png).");
      await expect(fetchPage(`${base}/elsewhere`, { allowHosts })).rejects.toThrow("Refusing to fetch 127.0.0.1: it points to a private or local address.");
      await expect(fetchPage(`${base}/page`)).rejects.toThrow("private or local address");
      expect(() => parseServerEnv({ FETCH_ALLOW_HOSTS: "127.0.0.1" })).toThrow(/FETCH_ALLOW_HOSTS/);
    } finally {
      server.close();
    }
  });
});
