import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createUser } from "@/lib/accounts/create-user";
import { createResponse } from "@/lib/debate/post-response";
import { storeClaimVote } from "@/lib/debate/vote-on-claim";
import { appSql, getDb } from "@/lib/db/client";
import { storeResponseVote } from "@/lib/debate/vote-on-response";
import { seedDemoArticles } from "@/scripts/lib/seed-demo";
import { runScript, spawnScript } from "../support/scripts";

const TABLES = ["Article", "Claim", "Response", "ResponseRevision", "ClaimVote", "ResponseVote", "User"];
let directory: string;

/** One fingerprint per table: every row, in a fixed order, hashed. Equal fingerprints = equal contents. */
async function fingerprints() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const result: Record<string, { rows: number; hash: string }> = {};
    for (const table of TABLES) {
      const { rows } = await client.query<{ rows: string; hash: string }>(
        `select count(*) as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from "${table}" t`,
      );
      result[table] = { rows: Number(rows[0].rows), hash: rows[0].hash };
    }
    return result;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  directory = await fs.mkdtemp(path.join(os.tmpdir(), "arguably-backup-"));
  await seedDemoArticles();
  const claims = await getDb().claim.findMany({ take: 3, select: { id: true } });
  const ann = await createUser({ email: "ann@example.com", name: "Ann" });
  const ben = await createUser({ email: "ben@example.com", name: "Ben" });
  for (const claim of claims) {
    const root = await createResponse({ claimId: claim.id, parentId: null, stance: "support", body: "Evidence that **supports** it.", authorId: ann.id });
    const reply = await createResponse({ claimId: claim.id, parentId: root.id, stance: "oppose", body: "A reply that doubts the evidence.", authorId: ben.id });
    await storeClaimVote(ann.id, { claimId: claim.id, value: "agree" }, appSql);
    await storeClaimVote(ben.id, { claimId: claim.id, value: "disagree" }, appSql);
    await storeResponseVote({ ...ann, bannedUntil: null }, { responseId: reply.id, value: "strong" });
  }
});

afterAll(() => fs.rm(directory, { recursive: true, force: true }));

describe("npm run db:backup and db:restore", () => {
  test("a round trip restores every article, claim, response and vote, and undoes what changed after it", async () => {
    const before = await fingerprints();
    expect(before.Response.rows).toBe(6);
    expect(before.ClaimVote.rows).toBe(6);
    expect(before.ResponseVote.rows).toBe(3);

    const file = path.join(directory, "round-trip.dump");
    const backup = await runScript("scripts/db-backup.ts", "--output", file);
    expect(backup.output).toContain(`backup written to ${file}`);
    expect(backup.code).toBe(0);

    // Damage after the backup: deletions, an edit, a new article.
    await getDb().responseVote.deleteMany();
    await getDb().response.updateMany({ data: { body: "vandalised" } });
    await getDb().article.deleteMany();
    const damaged = await fingerprints();
    expect(damaged.Article.rows).toBe(0);

    await getDb().$disconnect(); // the restore refuses while the app (here: this test) holds connections
    const restore = await runScript("scripts/db-restore.ts", file, "--yes");
    expect(restore.output).toContain("restored database");
    expect(restore.code).toBe(0);
    expect(await fingerprints()).toEqual(before);
  });

  test("asks for --yes, refuses while others are connected, and keeps the data when the file is bad", async () => {
    const file = path.join(directory, "guarded.dump");
    expect((await runScript("scripts/db-backup.ts", "--output", file)).code).toBe(0);
    const before = await fingerprints();

    const unconfirmed = await runScript("scripts/db-restore.ts", file);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.output).toContain("Run again with --yes to proceed");

    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    const busy = await runScript("scripts/db-restore.ts", file, "--yes");
    await holder.end();
    expect(busy.code).toBe(2);
    expect(busy.output).toMatch(/1 other connection\(s\) use database .*Stop the app first/);

    const garbage = path.join(directory, "garbage.dump");
    await fs.writeFile(garbage, "PGDMP but not really");
    const bad = await runScript("scripts/db-restore.ts", garbage, "--yes");
    expect(bad.code).toBe(1);
    expect(bad.output).toContain("is not a backup made by db:backup");
    expect(await fingerprints()).toEqual(before);
  });

  test("a backup without usable client tools fails with what to install, and writes no file", async () => {
    const file = path.join(directory, "no-tools.dump");
    const missing = await runScriptWith({ PG_BIN_DIR: directory }, "scripts/db-backup.ts", "--output", file);
    expect(missing.code).toBe(1);
    expect(missing.output).toMatch(/pg_dump was not found in PG_BIN_DIR .* apt-get install postgresql-client-\d+/);
    await expect(fs.access(file)).rejects.toThrow();
    await expect(fs.access(`${file}.partial`)).rejects.toThrow();
  });
});

describe("backups of the embedded database (no DATABASE_URL)", () => {
  test("db:backup and db:restore work on the embedded database in DATA_DIR, starting and stopping it themselves", { timeout: 120_000 }, async () => {
    const dataDir = path.join(directory, "embedded-data");
    const file = path.join(directory, "embedded.dump");
    const env = { PATH: process.env.PATH!, HOME: process.env.HOME!, DATA_DIR: dataDir, NODE_ENV: "test" };
    const run = async (script: string, ...args: string[]) => {
      const child = spawnScript(script, args, env as unknown as NodeJS.ProcessEnv);
      const code = await child.exited;
      return { code, output: child.output() };
    };
    expect(await run("scripts/db-migrate.ts")).toMatchObject({ code: 0 });
    const backup = await run("scripts/db-backup.ts", "--output", file);
    expect(backup.output).toContain(`backup written to ${file}`);
    expect(backup.code).toBe(0);
    const restore = await run("scripts/db-restore.ts", file, "--yes");
    expect(restore.output).toMatch(/restored database "arguably" on 127\.0\.0\.1:\d+/);
    expect(restore.code).toBe(0);
    // Each script stopped the embedded server it had started: nothing is left running on DATA_DIR.
    await expect(fs.access(path.join(dataDir, "postgres", "postmaster.pid"))).rejects.toThrow();
  });
});

async function runScriptWith(env: Record<string, string>, script: string, ...args: string[]) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await runScript(script, ...args);
  } finally {
    process.env = saved;
  }
}
