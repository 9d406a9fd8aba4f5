// Route handlers, unlike server actions, get no built-in CSRF protection: a mutation must come from a
// page of this site. Browsers always send Origin on cross-site POSTs, so a missing or foreign Origin
// on a mutation is refused.
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
