// Loaded with `--import` before the web server (./start-app-server.ts). The edge calls the app's own
// commands (decision 022: posting a response through lib/debate/post-response.ts), whose modules carry
// `import "server-only"`, a guard that keeps them out of browser bundles. Next.js's server bundles
// resolve it to an empty module through the react-server condition, and the tests through an alias;
// here one resolve hook does the same for that one specifier, and nothing else.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export%20%7B%7D%3B", shortCircuit: true };
  return next(specifier, context);
}`),
);
