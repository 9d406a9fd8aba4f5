// Starts the production build of the app (building it if needed) on a fresh database with the demo
// articles, for the browser tests. Without Chromium the browser tests are skipped loudly, except
// under CI=true, where a missing browser fails the run.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { findFreePort } from "@/lib/db/embedded";
import { createDatabase } from "@/lib/db/scratch";
import { ensureProductionBuild } from "@/scripts/lib/build";
import { startAppServer } from "@/server/start-app-server";
import { findChromium } from "@/scripts/lib/chromium";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    appDatabaseUrl: string;
    /** The e2e server's AUTH_SECRET, so a test can start a second instance that shares its sessions. */
    appAuthSecret: string;
    /** Where the e2e server's mail goes: it runs without SMTP_URL, as `npm start` does (tests/support/outbox.ts). */
    appMailOutbox: string;
    /** A port on 127.0.0.1 the server may fetch pages and feeds from (FETCH_ALLOW_HOSTS): tests serve "the web" there. */
    outsidePagesPort: number;
    chromiumPath: string | null;
  }
}

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    const message = "No Chromium found (install Debian's `chromium` package or set CHROMIUM_PATH).";
    if (process.env.CI === "true") throw new Error(`${message} Browser tests cannot be skipped under CI=true.`);
    console.warn(`\n${"!".repeat(78)}\n!! ${message}\n!! SKIPPING ALL BROWSER (e2e) TESTS.\n${"!".repeat(78)}\n`);
  }
  project.provide("chromiumPath", chromiumPath);
  project.provide("appUrl", "");
  project.provide("appDatabaseUrl", "");
  project.provide("appAuthSecret", "");
  project.provide("appMailOutbox", "");
  project.provide("outsidePagesPort", 0);
  if (!chromiumPath) return;

  const database = await createDatabase(project.getProvidedContext().pgAdminUrl, { prefix: "e2e", template: "arguably_template" });
  process.env.DATABASE_URL = database.url;
  const { seedDemoArticles } = await import("@/scripts/lib/seed-demo");
  await seedDemoArticles();
  const { getDb } = await import("@/lib/db/client");
  await getDb().$disconnect();

  const port = await findFreePort();
  const outsidePagesPort = await findFreePort();
  const appUrl = `http://localhost:${port}`;
  const authSecret = randomBytes(32).toString("base64url");
  await ensureProductionBuild({ authSecret, log: (message) => console.log(`e2e: ${message}`) });
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "arguably-e2e-data-"));
  const server = await startAppServer({
    databaseUrl: database.url,
    port,
    authSecret,
    appUrl,
    // Every browser test signs up from 127.0.0.1, so the per-address sign-up limit is raised here.
    // Articles are fetched from a server the tests start on 127.0.0.1: the one private host it may fetch from.
    env: { SIGN_UPS_PER_IP_PER_HOUR: "1000", DATA_DIR: dataDir, FETCH_ALLOW_HOSTS: `127.0.0.1:${outsidePagesPort}` },
    stdio: ["ignore", "inherit", "inherit"],
  });
  project.provide("appUrl", appUrl);
  project.provide("appDatabaseUrl", database.url);
  project.provide("appAuthSecret", authSecret);
  project.provide("appMailOutbox", path.join(dataDir, "outbox"));
  project.provide("outsidePagesPort", outsidePagesPort);

  return async () => {
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
