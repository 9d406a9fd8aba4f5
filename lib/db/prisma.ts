// Builds a Prisma client on the pg driver adapter. Not server-only, so scripts and tests can use it;
// the web app goes through ./client.ts.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Database = PrismaClient;

export function createPrismaClient(connectionString: string, { max = 10 }: { max?: number } = {}): Database {
  const adapter = new PrismaPg({ connectionString, max, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter });
}
