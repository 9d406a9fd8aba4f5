// The newcomer's path: `npm start` on a fresh data directory serves the demo articles, stops cleanly
// on SIGTERM, and keeps its data for the next start.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { execFile, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { binaries, findFreePort, runAsIds } from "@/lib/db/embedded";
import { spawnLauncher } from "../support/scripts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "arguably-launch-"));
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) if (child.exitCode === null) child.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function startApp(port: number) {
  const launcher = spawnLauncher({ DATA_DIR: dataDir, PORT: String(port) });
  running.push(launcher.child);
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (launcher.child.exitCode !== null) throw new Error(`npm start exited early:\n${launcher.output()}`);
    const html = await fetch(`http://localhost:${port}/`)
      .then((response) => response.text())
      .catch(() => null);
    if (html) return { child: launcher.child, html, output: launcher.output };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`npm start did not serve in time:\n${launcher.output()}`);
}

async function stop(child: ChildProcess) {
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  return exited;
}

describe("npm start with no configuration", () => {
  test("serves the demo articles on embedded PostgreSQL, stops cleanly and keeps its data", { timeout: 300_000 }, async () => {
    const port = await findFreePort();
    const first = await startApp(port);
    expect(first.html).toContain("Why The U.S. May Be Pushing The Controversial “Korea Scenario” For Ukraine");
    expect(first.html).toContain("Time to start thinking about walking away from NATO invite to Ukraine");
    expect(first.output()).toContain("NOTICE: AUTH_SECRET is not set; generated one into");
    expect(fs.existsSync(path.join(dataDir, "auth-secret"))).toBe(true);
    // The address is printed once the server listens (a reader who opens it at once gets the page).
    const lines = first.output().split("\n");
    const serving = lines.findIndex((line) => line.includes(`serving http://localhost:${port}`));
    const listening = lines.findIndex((line) => line.includes("web server listening"));
    expect(serving).toBeGreaterThan(-1);
    expect(listening).toBeGreaterThan(-1);
    expect(serving).toBeGreaterThan(listening);

    expect(await stop(first.child)).toBe(0);
    expect(first.output()).toContain("embedded PostgreSQL stopped");
    expect(fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);

    const second = await startApp(port);
    expect(second.output()).toContain("demo articles present (2)");
    expect(new Set(second.html.match(/href="\/articles\/[^"?#]+"/g))).toHaveProperty("size", 2);
    expect(await stop(second.child)).toBe(0);
  });

  test("a launcher killed outright takes its web server with it: no orphan holds the port or spins", { timeout: 300_000 }, async () => {
    const port = await findFreePort();
    const started = await startApp(port);
    try {
      const exited = new Promise((resolve) => started.child.once("exit", resolve));
      started.child.kill("SIGKILL");
      await exited;
      // The server notices its parent is gone and stops within a few seconds.
      const deadline = Date.now() + 15_000;
      let answering = true;
      while (answering && Date.now() < deadline) {
        answering = await fetch(`http://localhost:${port}/robots.txt`).then(
          () => true,
          () => false,
        );
        if (answering) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(answering).toBe(false);
    } finally {
      // The killed launcher could not stop its embedded PostgreSQL (nor, before the fix, its server): this test does.
      const { pgCtl } = await binaries();
      await promisify(execFile)(pgCtl, ["stop", "-D", path.join(dataDir, "postgres"), "-m", "fast", "-w", "-s"], await runAsIds()).catch(() => undefined);
    }
  });
});

describe("the production build", () => {
  test("traces only what the server needs: no bundler warning about tracing the whole project", () => {
    // A filesystem access that Turbopack cannot scope makes it trace every file of the project (and warn
    // about it on every build). The e2e set-up has built the app.
    const traces = fs
      .readdirSync(".next/server", { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".nft.json"))
      .map((file) => path.join(".next/server", file));
    expect(traces.length).toBeGreaterThan(0);
    const stray = new Set<string>();
    for (const trace of traces) {
      const { files } = JSON.parse(fs.readFileSync(trace, "utf8")) as { files: string[] };
      for (const file of files) {
        const resolved = path.relative(process.cwd(), path.resolve(path.dirname(trace), file));
        if (/^(README\.md|SECURITY\.md|tests\/|docs\/|scripts\/|\.ci\/)/.test(resolved)) stray.add(resolved);
      }
    }
    expect([...stray].slice(0, 10)).toEqual([]);
  });
});
