// Every address the app answers, read from the code rather than written down: pages and route handlers
// from app/ (the App Router's files), plus the endpoint scripts/server.mjs answers before Next.js.
// Tests that must cover "every route" iterate this list, so a new page or handler cannot be missed.
import fs from "node:fs";
import path from "node:path";

export interface AppRoute {
  /** As the App Router spells it: /claims/[id], /api/auth/[...nextauth]. */
  template: string;
  kind: "page" | "handler";
  /** Methods it answers: a page's GET (and POST for its server actions), a handler's exports. */
  methods: string[];
  file: string;
}

const APP_DIR = path.resolve("app");
const HANDLER_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

function templateOf(file: string) {
  const segments = path.relative(APP_DIR, path.dirname(file)).split(path.sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

function exportedMethods(source: string) {
  return HANDLER_METHODS.filter((method) =>
    new RegExp(`export\\s+(?:const|(?:async\\s+)?function)\\s+${method}\\b|export\\s*\\{[^}]*\\bas\\s+${method}\\b`).test(source),
  );
}

/** The routes scripts/server.mjs answers itself (decision 013). */
const SERVER_ROUTES: AppRoute[] = [{ template: "/api/claims/[id]/vote", kind: "handler", methods: ["POST"], file: "lib/fast-writes/claim-vote.ts" }];

export function appRoutes(): AppRoute[] {
  const routes: AppRoute[] = [...SERVER_ROUTES];
  for (const file of files(APP_DIR)) {
    const name = path.basename(file);
    if (name === "page.tsx") routes.push({ template: templateOf(file), kind: "page", methods: ["GET", "POST"], file: path.relative(process.cwd(), file) });
    if (name === "route.ts") routes.push({ template: templateOf(file), kind: "handler", methods: exportedMethods(fs.readFileSync(file, "utf8")), file: path.relative(process.cwd(), file) });
  }
  return routes.sort((a, b) => a.template.localeCompare(b.template));
}

/** The template's dynamic segments, in order: [id], [slug], [...nextauth]. */
export function parametersOf(template: string): string[] {
  return [...template.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((match) => match[1]);
}

/** The template with each dynamic segment replaced by `values[name]` (already encoded as wanted). */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => values[name] ?? "x");
}
