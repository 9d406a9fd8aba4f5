// Runs `prisma generate` on machines that cannot download Prisma's native schema engine.
// Prisma 7 generates with WebAssembly, but its CLI first looks for the native engine binary and
// tries to download it; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips that step.
// See docs/decisions/001-migrations-offline.md.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
