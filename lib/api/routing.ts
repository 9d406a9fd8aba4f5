// Which methods the public API has at a path, from the operation list: lets proxy.ts answer a wrong
// method with a problem-details 405 (Next.js's own 405 has no body) before any route code runs.
import { OPERATIONS } from "./operations";

const ROUTES = OPERATIONS.map((operation) => ({
  method: operation.method,
  pattern: new RegExp(`^${operation.path.replace(/\{\w+\}/g, "[^/]+")}/?$`),
}));

/** The methods operations answer at `pathname`, or null when no operation lives there. */
export function allowedMethods(pathname: string): string[] | null {
  const methods = ROUTES.filter((route) => route.pattern.test(pathname)).map((route) => route.method);
  return methods.length ? [...new Set(methods)] : null;
}
