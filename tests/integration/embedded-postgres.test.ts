import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, test } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";

const directory = await fs.mkdtemp(path.join(os.tmpdir(), "arguably-embedded-"));
const dataDir = path.join(directory, "postgres");
const started: EmbeddedPostgres[] = [];

afterAll(async () => {
  for (const server of started) await server.stop();
  await fs.rm(directory, { recursive: true, force: true });
});

async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

const quiet = { dataDir, log: () => {} };

describe("the embedded PostgreSQL server", () => {
  test("keeps its data across a stop and a start", async () => {
    const first = await startEmbeddedPostgres(quiet);
    started.push(first);
    expect(first.reused).toBe(false);
    await sql(first.adminUrl, "create table kept (note text); insert into kept values ('still here')");
    await first.stop();
    await expect(sql(first.adminUrl, "select 1")).rejects.toThrow();

    const second = await startEmbeddedPostgres(quiet);
    started.push(second);
    expect(await sql(second.adminUrl, "select note from kept")).toEqual([{ note: "still here" }]);
  });

  test("a second launch while one runs reuses the server and leaves it running when it stops", async () => {
    const owner = await startEmbeddedPostgres(quiet);
    started.push(owner);
    const [a, b] = await Promise.all([startEmbeddedPostgres(quiet), startEmbeddedPostgres(quiet)]);
    expect([a.reused, b.reused]).toEqual([true, true]);
    expect(a.adminUrl).toBe(owner.adminUrl);
    await a.stop();
    await b.stop();
    expect(await sql(owner.adminUrl, "select note from kept")).toEqual([{ note: "still here" }]);
  });

  test("starting on a data directory without its credentials file is refused clearly", async () => {
    const credentials = `${dataDir}.credentials.json`;
    const saved = await fs.readFile(credentials, "utf8");
    await fs.rm(credentials);
    try {
      await expect(startEmbeddedPostgres(quiet)).rejects.toThrow(/credentials file .* is missing/);
    } finally {
      await fs.writeFile(credentials, saved);
    }
  });
});
