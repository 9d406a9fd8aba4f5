// Throwaway databases on a server, for checks that must build a schema somewhere (db:diff, drift test).
import { randomBytes } from "node:crypto";
import pg from "pg";

export function withDatabaseName(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates a database (optionally as a copy of `template`) and returns its connection string. */
export async function createDatabase(adminUrl: string, { prefix = "scratch", template }: { prefix?: string; template?: string } = {}) {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await onAdmin(adminUrl, (client) =>
    client.query(`create database ${client.escapeIdentifier(name)}${template ? ` template ${client.escapeIdentifier(template)}` : ""}`),
  );
  return { name, url: withDatabaseName(adminUrl, name) };
}

export async function dropDatabase(adminUrl: string, name: string) {
  await onAdmin(adminUrl, (client) => client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`));
}

export async function runSql(url: string, sql: string) {
  await queryRows(url, sql);
}

/** One query on a connection of its own (for scripts and tests that talk to a database directly). */
export async function queryRows<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
