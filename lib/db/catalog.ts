// A comparable description of a database's schema, used to prove that the migrations and
// prisma/schema.prisma describe the same database (drift check) without Prisma's native engine.
import pg from "pg";

export interface Catalog {
  enums: string[];
  columns: string[];
  constraints: string[];
  indexes: string[];
}

/**
 * Objects that hand-written migration SQL adds and Prisma's schema language cannot express
 * (triggers, functions, GIN/trigram indexes) are named with this prefix and left out of the comparison.
 */
export const MANUAL_OBJECT_PREFIX = "manual_";

export async function readCatalog(databaseUrl: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const lines = async (sql: string) => (await client.query<{ line: string }>(sql)).rows.map((row) => row.line);
    return {
      enums: await lines(`
        select t.typname || ': ' || string_agg(e.enumlabel, ', ' order by e.enumsortorder) as line
        from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = 'public' group by t.typname order by 1`),
      columns: await lines(`
        select table_name || '.' || column_name || ' ' || udt_name
          || coalesce('(' || character_maximum_length || ')', '')
          || case when is_nullable = 'NO' then ' not null' else '' end
          || coalesce(' default ' || column_default, '') as line
        from information_schema.columns
        where table_schema = 'public' and table_name <> '_prisma_migrations'
        order by table_name, column_name`),
      constraints: await lines(`
        select rel.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid) as line
        from pg_constraint con join pg_class rel on rel.oid = con.conrelid
        join pg_namespace n on n.oid = rel.relnamespace
        where n.nspname = 'public' and rel.relname <> '_prisma_migrations'
          and con.conname not like '${MANUAL_OBJECT_PREFIX}%'
        order by 1`),
      indexes: await lines(`
        select indexdef as line from pg_indexes
        where schemaname = 'public' and tablename <> '_prisma_migrations'
          and indexname not like '${MANUAL_OBJECT_PREFIX}%'
        order by indexname`),
    };
  } finally {
    await client.end();
  }
}

/** Human-readable differences between two catalogs; empty when they match. */
export function compareCatalogs(expected: Catalog, actual: Catalog, labels = ["schema.prisma", "migrations"]) {
  const problems: string[] = [];
  for (const key of Object.keys(expected) as (keyof Catalog)[]) {
    const a = new Set(expected[key]);
    const b = new Set(actual[key]);
    for (const line of a) if (!b.has(line)) problems.push(`${key}: only in ${labels[0]}: ${line}`);
    for (const line of b) if (!a.has(line)) problems.push(`${key}: only in ${labels[1]}: ${line}`);
  }
  return problems;
}
