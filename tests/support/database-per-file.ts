// Gives each integration test file its own database, copied from the migrated template.
import { afterAll, inject } from "vitest";
import { createDatabase } from "@/lib/db/scratch";

const globalForPrisma = globalThis as unknown as { arguablyPrisma?: { $disconnect(): Promise<void> } };

const database = await createDatabase(inject("pgAdminUrl"), { prefix: "test", template: "arguably_template" });
process.env.DATABASE_URL = database.url;
globalForPrisma.arguablyPrisma = undefined;

afterAll(async () => {
  await globalForPrisma.arguablyPrisma?.$disconnect();
});
