// Every browser test file starts with no rate-limit counters. The files share one server and reach it
// from one address (127.0.0.1), so whatever one file spent (the route-by-route probes of the visibility
// and hostile-request tests spend the anonymous API's minute) would otherwise be refused in the next,
// and whether a file passed would depend on which ran before it. Files run one after another.
import { beforeAll } from "vitest";
import { appSql } from "./app-database";

beforeAll(async () => {
  await appSql(`delete from "RateLimitCounter"`);
});
