import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Tests import server modules directly; the marker package only guards client bundles.
      "server-only": path.join(root, "tests/support/empty-module.ts"),
    },
  },
  test: {
    reporters: ["default"],
    projects: [
      {
        extends: true,
        // Some unit tests start the sentence encoder (about a second, longer on a busy machine).
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-database.ts"],
          setupFiles: ["tests/support/database-per-file.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/support/global-database.ts", "tests/support/global-app.ts"],
          setupFiles: ["tests/support/fresh-limits-per-file.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One production server and one browser are shared; files run one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
