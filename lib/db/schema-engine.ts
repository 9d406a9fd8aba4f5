// Development tooling only: Prisma's schema engine compiled to WebAssembly, which works offline where
// the CLI's native engine cannot be downloaded. Used by `npm run db:diff` and the drift test.
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);

export const SCHEMA_PATH = path.resolve(process.cwd(), "prisma", "schema.prisma");

interface SchemaFile {
  path: string;
  content: string;
}

type DiffTarget = { tag: "empty" } | { tag: "schemaDatamodel"; files: SchemaFile[] };

interface SchemaEngine {
  diff(params: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    filters: { externalTables: string[]; externalEnums: string[] };
  }): Promise<{ exitCode: number; stdout: string | null }>;
}

let lastPanic = "";
let engineClass: ReturnType<typeof instantiateEngine> | undefined;

function loadEngineClass() {
  engineClass ??= instantiateEngine();
  return engineClass;
}

async function instantiateEngine() {
  // The engine reports Rust panics through this global before throwing.
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message: (message: string) => {
      lastPanic = message;
    },
  };
  // The package's entry imports the .wasm file as an ES module, which Node cannot do yet,
  // so the glue module is wired to a manually instantiated WebAssembly module.
  const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const glue = await import(path.join(packageDir, "schema_engine_bg.js"));
  const bytes = await fs.readFile(path.join(packageDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return glue.SchemaEngine as {
    new: (options: { datamodels?: [string, string][] }, log: (message: string) => void, adapter: object) => Promise<SchemaEngine>;
  };
}

/**
 * SQL that takes a database from schema `from` (or an empty database) to schema `to`.
 * The engine wants a reachable PostgreSQL even for a schema-to-schema diff: `databaseUrl`.
 */
export async function diffSchemas(databaseUrl: string, from: string | null, to: string): Promise<string> {
  const SchemaEngineClass = await loadEngineClass();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const engine = await SchemaEngineClass.new({ datamodels: [["schema.prisma", to]] }, () => {}, adapter);
  const target = (content: string | null): DiffTarget =>
    content === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content }] };
  try {
    const result = await engine.diff({
      from: target(from),
      to: target(to),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  } catch (error) {
    throw new Error(`Prisma's schema engine failed: ${lastPanic || (error as Error).message}`);
  }
}

/** True when a diff script contains statements (the engine prints a comment for an empty diff). */
export function isEmptyDiff(sql: string) {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
}
