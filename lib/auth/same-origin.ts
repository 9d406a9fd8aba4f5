// Cross-site request forgery: browsers send Origin on every cross-site POST, so a mutation whose Origin
// names another site is refused (proxy.ts, for every route). Route handlers that change data also insist
// on an Origin at all (`isSameOrigin`); server actions get the same check from Next.js itself.
function requestHost(request: Request) {
  return request.headers.get("x-forwarded-host") ?? request.headers.get("host");
}

export function isSameOrigin(request: Request): boolean {
  return originMatchesHost(request.headers.get("origin"), requestHost(request));
}

/** The rule itself, on raw header values (the fast vote endpoint has no Request object). */
export function originMatchesHost(origin: string | null | undefined, host: string | null | undefined): boolean {
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** True when the request names an origin and it is not this site ("null" included: sandboxed frames). */
export function isCrossSite(request: Request): boolean {
  return request.headers.get("origin") !== null && !isSameOrigin(request);
}
