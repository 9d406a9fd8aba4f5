import { describe, expect, test } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/errors";

// Shapes seen when PostgreSQL was stopped under load (npm run test:faults), as Prisma 7 and pg raise them.
function prismaError(code: string, driverMessage: string, cause: object = {}) {
  return Object.assign(new Error(`Invalid \`prisma.x()\` invocation: ${driverMessage}`), {
    code,
    meta: { driverAdapterError: Object.assign(new Error(driverMessage), { cause }) },
  });
}

describe("telling a lost database from other failures", () => {
  test.each([
    [
      "a server shutting down mid-query (P2039 / 57P01)",
      prismaError("P2039", "terminating connection due to administrator command", { kind: "postgres", code: "57P01" }),
    ],
    ["a raw query cut off (P2010)", prismaError("P2010", "terminating connection due to administrator command")],
    ["an unreachable server (P1001)", prismaError("P1001", "DatabaseNotReachable", { kind: "DatabaseNotReachable" })],
    ["a closed connection (P1017)", prismaError("P1017", "ConnectionClosed")],
    ["a refused socket from pg", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["a broken pg client", new Error("Client has encountered a connection error and is not queryable")],
    ["a wrapped cause", new Error("outer", { cause: Object.assign(new Error("the database system is starting up"), { code: "57P03" }) })],
  ])("%s is 'unavailable'", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  test.each([
    ["a unique violation", prismaError("P2002", "Unique constraint failed", { kind: "UniqueConstraintViolation" })],
    ["a bad query", prismaError("P2010", 'syntax error at or near "selec"', { kind: "postgres", code: "42601" })],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["a busy pool (overload, not an outage)", new Error("timeout exceeded when trying to connect")],
    [
      "an expired transaction (P2028)",
      Object.assign(new Error("Transaction API error: A query cannot be executed on an expired transaction."), { code: "P2028" }),
    ],
    ["nothing", undefined],
  ])("%s is not", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
