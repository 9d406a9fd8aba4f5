// zod, as every module of Arguably imports it (ESLint refuses `import { z } from "zod"` elsewhere).
//
// zod 4 compiles a fast parser for each object schema with `new Function` where it may, and finds out
// whether it may by trying once, when the first object schema is built. Under the pages' Content Security
// Policy (no 'unsafe-eval': proxy.ts) the browser refuses that try and reports a violation on every page
// whose scripts build a schema (the claim page's, through lib/debate/schemas.ts). So in browsers zod
// parses without compiling ("jitless"); the server, where nothing forbids it, keeps the faster parsers.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
