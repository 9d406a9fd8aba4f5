// Direct access to the browser tests' app database, as an operator's tool would have.
import type pg from "pg";
import { queryRows } from "@/lib/db/scratch";
import { inject } from "vitest";

export function appSql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  return queryRows<T>(inject("appDatabaseUrl"), text, values);
}
