// The newcomer's path: `npm start` on a fresh data directory serves the demo articles, stops cleanly
// on SIGTERM, and keeps its data for the next start.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { findFreePort } from "@/lib/db/embedded";
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

    expect(await stop(first.child)).toBe(0);
    expect(first.output()).toContain("embedded PostgreSQL stopped");
    expect(fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);

    const second = await startApp(port);
    expect(second.output()).toContain("demo articles present (2)");
    expect(second.html.match(/href="\/articles\//g)).toHaveLength(2);
    expect(await stop(second.child)).toBe(0);
  });
});
