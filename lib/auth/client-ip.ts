import { serverEnv } from "@/lib/env";
// The client's address for rate limiting. Next.js appends the connecting socket's address to
// X-Forwarded-For, so the last entry is the peer; behind TRUSTED_PROXY_COUNT proxies of our own,
// the client is that many entries further left. Anything further left is client-supplied and untrusted.
type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientIp(headers: HeaderSource, trustedProxyCount = serverEnv().TRUSTED_PROXY_COUNT): string {
  const chain = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const index = chain.length - 1 - trustedProxyCount;
  return chain[Math.max(0, index)] ?? header(headers, "x-real-ip") ?? "unknown";
}
