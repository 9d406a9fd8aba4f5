// A statement and something that runs it. Commands that must also run on the framework-free HTTP
// edge (server/, with a pg pool) take a SqlRunner instead of importing the app's Prisma client, which
// is server-only; inside Next.js they get lib/db/client.ts's `appSql`.
import type pg from "pg";

export interface SqlStatement {
  /** Names the statement so each connection prepares it once (pg only; Prisma ignores it). */
  name?: string;
  text: string;
  values: unknown[];
}

export type SqlRunner = <Row extends object>(statement: SqlStatement) => Promise<Row[]>;

/** Runs statements on a node-postgres pool (the HTTP edge's own pool on the primary). */
export function poolRunner(pool: pg.Pool): SqlRunner {
  return async <Row extends object>(statement: SqlStatement) => (await pool.query<Row & pg.QueryResultRow>(statement)).rows;
}
