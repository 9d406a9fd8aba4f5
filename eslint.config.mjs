import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "tmp/**", "next-env.d.ts", "test-results/**"] },
  {
    // lib/env.ts is the only reader of the environment: everything else asks it (decision 017).
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts (serverEnv(), databaseUrl(), environmentWith(), …)." },
      ],
      // zod is configured once for the browser's Content Security Policy (lib/zod.ts, decision 021).
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "zod", message: 'Import { z } from "@/lib/zod" (configured for the pages\' Content Security Policy).', allowTypeImports: true },
            // Links prefetch on intent, not on sight (components/ui/link.tsx, decision 022).
            { name: "next/link", message: 'Import { Link } from "@/components/ui/link" (prefetches on intent, not on sight).' },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/zod.ts", "components/ui/link.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Exempt: lib/env.ts itself; the test harness, which sets up servers and databases; and two files
    // run by other tools before the app exists (Prisma's CLI config, npm's postinstall).
    files: ["lib/env.ts", "tests/**", "vitest.config.ts", "prisma.config.ts", "scripts/prisma-generate.mjs"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
