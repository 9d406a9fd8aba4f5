// The one Prisma client of the web app. Server-only: importing it from a client component fails the build.
import "server-only";
import { createPrismaClient, type Database } from "./prisma";

const globalForPrisma = globalThis as unknown as { arguablyPrisma?: Database };

function connectionString() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. Start Arguably with `npm start` or `npm run dev`, which provide it.");
  }
  return url;
}

/** Created on first use, so that `next build` never needs a database. Reused across hot reloads in dev. */
export function getDb(): Database {
  globalForPrisma.arguablyPrisma ??= createPrismaClient(connectionString());
  return globalForPrisma.arguablyPrisma;
}
