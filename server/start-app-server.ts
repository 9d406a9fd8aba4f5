// Starting the web server (./main.ts) as a child process: the one place that knows its command line and
// the environment it needs. npm start and npm run dev (scripts/launch.ts), the benchmark
// (scripts/bench.ts), the browser tests' server (tests/support/global-app.ts), the reliability harness
// and the two-instance test all call startAppServer.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import path from "node:path";
import { environmentWith } from "@/lib/env";
import { terminate } from "./terminate";

export interface StartAppServerOptions {
  databaseUrl: string;
  port: number;
  /** Listen on this interface only (tests use 127.0.0.1); every interface when unset. */
  host?: string;
  /** At least 32 characters; every instance of one site shares it. */
  authSecret: string;
  /** The site's public address (sign-in callbacks, secure cookies over https). */
  appUrl: string;
  mode?: "production" | "development";
  /** More variables for the server (e.g. a test's higher sign-up limit). */
  env?: Record<string, string>;
  stdio?: StdioOptions;
  /** Resolve once the server answers (default); false returns at once (npm run dev compiles on demand). */
  waitUntilServing?: boolean;
}

export interface AppServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGTERM, then waits (up to 10 s) for in-flight requests to finish and the process to exit. */
  stop(): Promise<void>;
}

const SERVER_ENTRY = path.join("server", "main.ts");
// `import "server-only"` in the app's commands, which the edge calls too (./server-only-hook.mjs).
const SERVER_ONLY_HOOK = "./" + path.join("server", "server-only-hook.mjs");

export async function startAppServer(options: StartAppServerOptions): Promise<AppServerProcess> {
  const env = environmentWith({
    ...options.env,
    NODE_ENV: options.mode ?? "production",
    PORT: String(options.port),
    HOST: options.host,
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: options.authSecret,
    NEXTAUTH_URL: options.appUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const child = spawn(process.execPath, ["--import", SERVER_ONLY_HOOK, "--import", "tsx/esm", SERVER_ENTRY], { env, stdio: options.stdio ?? "inherit" });
  const url = `http://${options.host ?? "localhost"}:${options.port}`;
  const server: AppServerProcess = {
    url,
    child,
    async stop() {
      await terminate(child, 10_000);
    },
  };
  if (options.waitUntilServing !== false) await waitUntilServing(`${url}/robots.txt`, child);
  return server;
}

/** Polls `url` until the server answers (below 500), failing early if the process exits. */
export async function waitUntilServing(url: string, server?: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server && server.exitCode !== null) throw new Error(`The app server exited with code ${server.exitCode}.`);
    if (
      (await fetch(url).then(
        (response) => response.status,
        () => 500,
      )) < 500
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The app server did not answer at ${url} within ${timeoutMs / 1000}s.`);
}
