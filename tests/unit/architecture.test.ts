// The layout's rules (decision 017), checked on the import graph of the code as it is: transports
// (app/, server/, proxy.ts, scripts/) depend on the domain (lib/<subject>/), the domain on the
// database layer (lib/db/), never the other way round, and no module reaches itself through a loop.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE_DIRS = ["app", "components", "lib", "server", "scripts"];
const EXTENSIONS = [".ts", ".tsx", ".mjs", ".js"];

function sourceFiles(dir: string): string[] {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return relative === "lib/generated" ? [] : sourceFiles(relative);
    return EXTENSIONS.includes(path.extname(entry.name)) ? [relative] : [];
  });
}

/** The repository file an import specifier names, or null for packages. */
function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  else return null;
  const candidates = [base, ...EXTENSIONS.map((extension) => base + extension), ...EXTENSIONS.map((extension) => `${base}/index${extension}`)];
  return candidates.find((candidate) => fs.existsSync(path.join(ROOT, candidate)) && fs.statSync(path.join(ROOT, candidate)).isFile()) ?? null;
}

/** Every static, re-export and dynamic import of each file (type-only imports count: they couple too). */
function importGraph() {
  const files = [...SOURCE_DIRS.flatMap(sourceFiles), "proxy.ts"];
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm)].map((match) => match[1]);
    graph.set(
      file,
      specifiers.map((specifier) => resolve(file, specifier)).filter((target): target is string => target !== null && !target.startsWith("lib/generated/")),
    );
  }
  return graph;
}

const graph = importGraph();
const layerOf = (file: string) => (file.startsWith("lib/") ? file.split("/").slice(0, 2).join("/") : file.split("/")[0]);

describe("the import graph", () => {
  test("is read (a broken parser would make the rules below pass vacuously)", () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get("server/post-response-endpoint.ts")).toContain("lib/debate/post-response.ts");
  });

  test("the domain never imports a transport: lib/ does not reach app/, components/, server/ or scripts/", () => {
    const wrongWay = [...graph].flatMap(([file, targets]) =>
      file.startsWith("lib/") ? targets.filter((target) => /^(app|components|server|scripts)\//.test(target)).map((target) => `${file} → ${target}`) : [],
    );
    expect(wrongWay).toEqual([]);
  });

  test("the database layer imports no domain: lib/db/ reaches only lib/db/ and lib/env.ts", () => {
    const wrongWay = [...graph].flatMap(([file, targets]) =>
      file.startsWith("lib/db/")
        ? targets.filter((target) => !target.startsWith("lib/db/") && target !== "lib/env.ts").map((target) => `${file} → ${target}`)
        : [],
    );
    expect(wrongWay).toEqual([]);
  });

  test("the HTTP edge imports no pages or components: server/ reaches only lib/ and itself", () => {
    const wrongWay = [...graph].flatMap(([file, targets]) =>
      file.startsWith("server/") ? targets.filter((target) => !/^(lib|server)\//.test(target)).map((target) => `${file} → ${target}`) : [],
    );
    expect(wrongWay).toEqual([]);
  });

  test("has no import loops", () => {
    const loops: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "visiting") {
        loops.push([...trail.slice(trail.indexOf(file)), file].join(" → "));
        return;
      }
      state.set(file, "visiting");
      for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(loops).toEqual([]);
  });

  test("every domain folder is a subject the README's architecture section names", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const folders = [
      ...new Set(
        [...graph.keys()]
          .filter((file) => file.split("/").length > 2)
          .map(layerOf)
          .filter((layer) => layer.startsWith("lib/")),
      ),
    ];
    expect(folders.filter((folder) => !readme.includes(`${folder.slice(4)}/`))).toEqual([]);
  });
});
