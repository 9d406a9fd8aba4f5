// Redirect targets that come from a request (callbackUrl, next) must stay on this site.
const PLACEHOLDER_ORIGIN = "http://arguably.invalid";

/** Returns a same-site path for `target`, or `fallback` when it would leave the site. */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target.length > 2048) return fallback;
  // Browsers ignore tabs and newlines in URLs and read "\" as "/", so "/\evil.example" is "//evil.example".
  if (/[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
  if (!target.startsWith("/") || target.startsWith("//")) return fallback;
  try {
    const url = new URL(target, PLACEHOLDER_ORIGIN);
    if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** Like safeRedirectPath, but also accepts absolute URLs on `origin` (next-auth passes those). */
export function safeRedirectUrl(target: string, origin: string): string {
  try {
    if (/^https?:\/\//i.test(target) && new URL(target).origin === origin) return target;
  } catch {}
  return `${origin}${safeRedirectPath(target)}`;
}
