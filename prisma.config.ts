import path from "node:path";
import { defineConfig } from "prisma/config";

// process.env rather than env(): env() throws when DATABASE_URL is unset, and `prisma generate`
// must work on a fresh clone with no configuration at all.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
