// Every address the app answers, read from the code rather than written down: pages and route handlers
// from app/ (the App Router's files, with the methods each handler exports), plus the endpoint
// the edge (./app-server.ts) answers before Next.js. The edge uses it to answer a method a route does not take
// with 405 and that route's Allow (./request-checks.ts); tests that must cover "every route"
// iterate it, so a new page or handler cannot be missed. Reads the app/ folder once, at start-up.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The App Router's folder, found from this file rather than the working directory. */
const APP_DIR = fileURLToPath(new URL("../app", import.meta.url));

export interface AppRoute {
  /** As the App Router spells it: /claims/[id], /api/auth/[...nextauth]. */
  template: string;
  kind: "page" | "handler";
  /** Methods it answers: a page's GET, HEAD and POST (server actions); a handler's exports, with the HEAD and OPTIONS Next.js adds. */
  methods: string[];
  file: string;
}

const HANDLER_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

function templateOf(appDir: string, file: string) {
  const segments = path
    .relative(appDir, path.dirname(file))
    .split(path.sep)
    .filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

/** A handler's methods: what it exports, and HEAD (with GET) and OPTIONS, which Next.js answers itself. */
function handlerMethods(source: string) {
  const exported = HANDLER_METHODS.filter((method) =>
    new RegExp(`export\\s+(?:const|(?:async\\s+)?function)\\s+${method}\\b|export\\s*\\{[^}]*\\bas\\s+${method}\\b`).test(source),
  );
  return HANDLER_METHODS.filter((method) => exported.includes(method) || (method === "HEAD" && exported.includes("GET")) || method === "OPTIONS");
}

/** The routes the edge answers itself (decisions 013, 018 and 022). */
const SERVER_ROUTES: AppRoute[] = [
  { template: "/api/claims/[id]/vote", kind: "handler", methods: ["POST"], file: "server/claim-vote-endpoint.ts" },
  { template: "/api/claims/[id]/responses", kind: "handler", methods: ["POST"], file: "server/post-response-endpoint.ts" },
  { template: "/api/claims/[id]/crux", kind: "handler", methods: ["GET", "HEAD"], file: "server/crux-endpoint.ts" },
  { template: "/api/viewer", kind: "handler", methods: ["GET", "HEAD"], file: "server/viewer-endpoint.ts" },
  { template: "/api/metrics", kind: "handler", methods: ["GET"], file: "server/app-server.ts" },
];

export function readAppRoutes(appDir = APP_DIR): AppRoute[] {
  const routes: AppRoute[] = [...SERVER_ROUTES];
  for (const file of files(appDir)) {
    const name = path.basename(file);
    const relative = path.relative(path.dirname(appDir), file);
    if (name === "page.tsx") routes.push({ template: templateOf(appDir, file), kind: "page", methods: ["GET", "HEAD", "POST"], file: relative });
    if (name === "route.ts")
      routes.push({ template: templateOf(appDir, file), kind: "handler", methods: handlerMethods(fs.readFileSync(file, "utf8")), file: relative });
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

type Segment = { kind: "static"; text: string } | { kind: "dynamic" } | { kind: "rest" };

function segmentsOf(template: string): Segment[] {
  return template
    .split("/")
    .filter(Boolean)
    .map((segment) => (segment.startsWith("[...") ? { kind: "rest" } : segment.startsWith("[") ? { kind: "dynamic" } : { kind: "static", text: segment }));
}

/**
 * How well a template fits a path, as the App Router ranks them (a static segment beats [id], which
 * beats [...rest]); null when it does not fit at all.
 */
function fit(wanted: Segment[], given: string[]): number[] | null {
  const score: number[] = [];
  for (const [index, segment] of wanted.entries()) {
    if (segment.kind === "rest") return given.length > index ? [...score, 1] : null;
    if (index >= given.length) return null;
    if (segment.kind === "dynamic") score.push(2);
    else if (segment.text === given[index]) score.push(3);
    else return null;
  }
  return given.length === wanted.length ? score : null;
}

/** Lexicographic: the first segment where two fits differ decides. */
function compareFits(a: number[], b: number[]) {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The route that answers `pathname` (its segments may still be percent-encoded), or null. */
export function routeMatcher(routes: AppRoute[]) {
  const compiled = routes.map((route) => ({ route, segments: segmentsOf(route.template) }));
  return (pathname: string): AppRoute | null => {
    const given = pathname.split("/").filter(Boolean);
    let best: { route: AppRoute; score: number[] } | null = null;
    for (const { route, segments } of compiled) {
      const score = fit(segments, given);
      if (score && (!best || compareFits(score, best.score) > 0)) best = { route, score };
    }
    return best?.route ?? null;
  };
}
