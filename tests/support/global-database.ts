// One embedded PostgreSQL server per test run, with a migrated template database that every test
// file copies (CREATE DATABASE … TEMPLATE), so each file starts from a fresh, fully migrated schema.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureDatabase, startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

export const TEMPLATE_DATABASE = "arguably_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "arguably-test-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(directory, "postgres"), log: () => {} });
  await ensureDatabase(server.adminUrl, TEMPLATE_DATABASE);
  await migrate(server.urlFor(TEMPLATE_DATABASE));
  project.provide("pgAdminUrl", server.adminUrl);
  return async () => {
    await server.stop();
    await fs.rm(directory, { recursive: true, force: true });
  };
}
