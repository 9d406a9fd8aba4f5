// Issue 28: `npm install` printed engine warnings, because dependencies wanted a newer Node than the
// README promised. The Node version the project names must be one every installed dependency accepts.
import fs from "node:fs";
import semver from "semver";
import { describe, expect, test } from "vitest";

describe("the engines the dependencies need", () => {
  test("package.json's engines, the README and CI name a Node version every installed dependency accepts", () => {
    const manifest = JSON.parse(fs.readFileSync("package.json", "utf8")) as { engines: { node: string } };
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8")) as {
      packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean; optional?: boolean }>;
    };
    const floor = semver.minVersion(manifest.engines.node)!;
    const refused = Object.entries(lock.packages)
      .filter(([path, entry]) => path && fs.existsSync(path) && entry.engines && !Array.isArray(entry.engines) && entry.engines.node)
      .filter(([, entry]) => !semver.satisfies(floor, (entry.engines as { node: string }).node))
      .map(([path, entry]) => `${path.replace(/^.*node_modules\//, "")} wants node ${(entry.engines as { node: string }).node}`);
    expect(refused).toEqual([]);
    expect(fs.readFileSync("README.md", "utf8")).toContain(`Needs Node.js ${floor.major}.${floor.minor}+`);
  });
});
