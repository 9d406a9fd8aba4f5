// The page cache (decision 011) trusts arguably_page_changed to announce every write a reader's page
// shows. For the tables whose trigger fires only on some columns, the live database's trigger must list
// exactly the columns lib/db/page-columns.ts calls shown, and every column of the table must be
// classified there: a column added without deciding fails here instead of serving stale pages.
import { expect, test } from "vitest";
import { getDb } from "@/lib/db/client";
import { PAGE_TRIGGER_COLUMNS } from "@/lib/db/page-columns";

async function triggerColumns(table: string) {
  const rows = await getDb().$queryRaw<{ column: string }[]>`
    select a.attname as "column" from pg_trigger t
    join pg_class c on c.oid = t.tgrelid
    join pg_attribute a on a.attrelid = c.oid and a.attnum = any (t.tgattr::int2[])
    where c.relname = ${table} and t.tgname = 'arguably_page_changed'`;
  return rows.map((row) => row.column).sort();
}

async function tableColumns(table: string) {
  const rows = await getDb().$queryRaw<{ column: string }[]>`
    select column_name as "column" from information_schema.columns where table_schema = current_schema() and table_name = ${table}`;
  return rows.map((row) => row.column).sort();
}

for (const [table, columns] of Object.entries(PAGE_TRIGGER_COLUMNS)) {
  test(`${table}: the page-change trigger fires on exactly the columns pages show`, async () => {
    expect(await triggerColumns(table)).toEqual([...columns.shown].sort());
  });

  test(`${table}: every column is classified as shown on pages or not`, async () => {
    const classified = [...columns.shown, ...Object.keys(columns.notShown)].sort();
    expect(await tableColumns(table), "add the new column to lib/db/page-columns.ts (and to the trigger if pages show it)").toEqual(classified);
  });
}
