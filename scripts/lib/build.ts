// `npm start` serves a production build; it builds first when there is none or the sources changed.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { environmentWith } from "@/lib/env";

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "content",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const HASH_FILE = path.join(".next", "arguably-sources.sha256");

function listFiles(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs
    .readdirSync(entry, { withFileTypes: true })
    .flatMap((child) => listFiles(path.join(entry, child.name)))
    .sort();
}

export function sourcesHash(): string {
  const hash = createHash("sha256");
  for (const file of BUILD_INPUTS.flatMap(listFiles)) {
    hash.update(file).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

export function runNext(args: string[], env: NodeJS.ProcessEnv, { toStderr = false }: { toStderr?: boolean } = {}) {
  return spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), ...args], {
    // Commands whose standard output is data (`npm run -s bench -- --json`) keep the build's talk on stderr.
    stdio: toStderr ? ["ignore", 2, 2] : "inherit",
    env,
  });
}

/**
 * Runs `next build` unless .next already holds a build of exactly these sources. The build needs no
 * database (clients are made on first use); it gets the site's AUTH_SECRET like the server it is for.
 */
export async function ensureProductionBuild({ authSecret, log, toStderr = false }: { authSecret: string; log: (message: string) => void; toStderr?: boolean }) {
  const current = sourcesHash();
  const built = fs.existsSync(path.join(".next", "BUILD_ID")) && fs.existsSync(HASH_FILE) ? fs.readFileSync(HASH_FILE, "utf8").trim() : null;
  if (built === current) return;
  log(built ? "sources changed since the last build; rebuilding…" : "no production build yet; building (first start only)…");
  const env = environmentWith({ NODE_ENV: "production", AUTH_SECRET: authSecret, NEXT_TELEMETRY_DISABLED: "1" });
  const child = runNext(["build"], env, { toStderr });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`next build failed (exit code ${code}).`);
  fs.writeFileSync(HASH_FILE, current);
}
