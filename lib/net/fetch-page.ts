// Fetches an article page for import, safely: http(s) only, public addresses only (no loopback,
// private, link-local or metadata addresses, checked after DNS and pinned for the connection so a
// second lookup cannot swap in another address), at every redirect again, a timeout, a size cap and at
// most 5 redirects. The one exception is FETCH_ALLOW_HOSTS (lib/env.ts): named host:port pairs of an
// intranet deployment, and the tests' local servers.
import dns from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { fetchAllowHosts } from "@/lib/env";
import { AppError } from "@/lib/errors";

export class FetchPageError extends AppError {
  override name = "FetchPageError";
}

export interface FetchPageOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** Hosts ("host:port") that may be private; FETCH_ALLOW_HOSTS by default. */
  allowHosts?: ReadonlySet<string>;
}

/** The "host:port" of a URL, as FETCH_ALLOW_HOSTS names it. */
export function hostAndPort(url: URL): string {
  return `${url.hostname.toLowerCase()}:${url.port || (url.protocol === "https:" ? "443" : "80")}`;
}

const MAX_REDIRECTS = 5;

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast";
}

async function resolvePublic(hostname: string, allowPrivate: boolean) {
  // (allowPrivate: this host:port is named in FETCH_ALLOW_HOSTS; decided per hop by fetchPage.)
  const host = hostname.replace(/^\[|\]$/g, "");
  const addresses = ipaddr.isValid(host)
    ? [{ address: host, family: host.includes(":") ? 6 : 4 }]
    : await dns.lookup(host, { all: true }).catch(() => {
        throw new FetchPageError("invalid_request", `Cannot resolve ${hostname}.`);
      });
  if (!addresses.length) throw new FetchPageError("invalid_request", `Cannot resolve ${hostname}.`);
  if (!allowPrivate && addresses.some(({ address }) => !isPublicAddress(address))) {
    throw new FetchPageError("invalid_request", `Refusing to fetch ${hostname}: it points to a private or local address.`);
  }
  return addresses[0];
}

interface RequestOptions {
  timeoutMs: number;
  maxBytes: number;
  headers: Record<string, string>;
}

interface RawResponse {
  status: number;
  location?: string;
  contentType: string;
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
}

function requestOnce(url: URL, pinned: { address: string; family: number }, options: RequestOptions) {
  return new Promise<RawResponse>((resolve, reject) => {
    const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
      if ((lookupOptions as { all?: boolean }).all) callback(null, [pinned] as never);
      else callback(null, pinned.address, pinned.family);
    };
    const client = url.protocol === "https:" ? https : http;
    const request = client.get(
      url,
      { lookup, timeout: options.timeoutMs, headers: { "User-Agent": "Arguably/0.1 (article import)", ...options.headers } },
      (response) => {
        const status = response.statusCode ?? 0;
        const validators = { etag: response.headers.etag ?? null, lastModified: response.headers["last-modified"] ?? null };
        if (status >= 300 && status < 400) {
          response.resume();
          resolve({ status, location: response.headers.location, contentType: "", body: Buffer.alloc(0), ...validators });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            request.destroy(new FetchPageError("invalid_request", `The page is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MB.`));
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () => resolve({ status, contentType: String(response.headers["content-type"] ?? ""), body: Buffer.concat(chunks), ...validators }));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new FetchPageError("invalid_request", `No answer from ${url.host} within ${options.timeoutMs / 1000} s.`)));
    request.on("error", (error) =>
      reject(
        error instanceof FetchPageError
          ? error
          : new FetchPageError("invalid_request", `Cannot fetch ${url.host}: ${(error as NodeJS.ErrnoException).code ?? error.message}.`),
      ),
    );
  });
}

/** What a fetch accepts: its Accept header, the content types it takes, and what to call anything else. */
export interface ResourceKind {
  accept: string;
  types: RegExp;
  /** "Not <what>": "a web page", "a feed". */
  what: string;
  /** "The <noun> is not UTF-8 text.": "page", "feed". */
  noun: string;
}

export const WEB_PAGE: ResourceKind = { accept: "text/html,text/plain", types: /^text\/(html|plain)|application\/xhtml/i, what: "a web page", noun: "page" };

/** A fetched resource, or (for a conditional request) word that it has not changed since. */
export type FetchedResource =
  | { url: string; status: 200; text: string; etag: string | null; lastModified: string | null }
  | { url: string; status: 304; etag: string | null; lastModified: string | null };

/**
 * Fetches `address` under the rules above. With `since` (the validators of an earlier answer), asks
 * only for a change (If-None-Match, If-Modified-Since) and answers 304 when there is none.
 */
export async function fetchResource(
  address: string,
  kind: ResourceKind,
  {
    timeoutMs = 10_000,
    maxBytes = 5 * 1024 * 1024,
    allowHosts = fetchAllowHosts(),
    since,
  }: FetchPageOptions & { since?: { etag: string | null; lastModified: string | null } } = {},
): Promise<FetchedResource> {
  const headers: Record<string, string> = { Accept: kind.accept };
  if (since?.etag) headers["If-None-Match"] = since.etag;
  if (since?.lastModified) headers["If-Modified-Since"] = since.lastModified;
  const options = { timeoutMs, maxBytes, headers };
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchPageError("invalid_request", `Not a URL: ${address.slice(0, 100)}`);
  }
  for (let redirects = 0; ; redirects++) {
    if (url.protocol !== "http:" && url.protocol !== "https:")
      throw new FetchPageError("invalid_request", `Only http and https URLs can be imported (got ${url.protocol}).`);
    if (url.username || url.password) throw new FetchPageError("invalid_request", "URLs with credentials cannot be imported.");
    const pinned = await resolvePublic(url.hostname, allowHosts.has(hostAndPort(url)));
    const response = await requestOnce(url, pinned, options);
    if (response.status === 304 && since)
      return { url: url.href, status: 304, etag: response.etag ?? since.etag, lastModified: response.lastModified ?? since.lastModified };
    if (response.location && response.status >= 300 && response.status < 400) {
      if (redirects >= MAX_REDIRECTS) throw new FetchPageError("invalid_request", "Too many redirects.");
      url = new URL(response.location, url);
      continue;
    }
    if (response.status < 200 || response.status >= 300) {
      throw new FetchPageError("invalid_request", `The server answered ${response.status} for ${url.href}.`);
    }
    if (response.contentType && !kind.types.test(response.contentType)) {
      throw new FetchPageError("invalid_request", `Not ${kind.what} (${response.contentType.split(";")[0]}).`);
    }
    try {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(response.body);
      return { url: url.href, status: 200, text, etag: response.etag, lastModified: response.lastModified };
    } catch {
      throw new FetchPageError("invalid_request", `The ${kind.noun} is not UTF-8 text.`);
    }
  }
}

/** Returns the page's text (decoded as UTF-8, strictly). */
export async function fetchPage(address: string, options: FetchPageOptions = {}) {
  const page = await fetchResource(address, WEB_PAGE, options);
  if (page.status !== 200) throw new FetchPageError("invalid_request", `The server answered ${page.status} for ${page.url}.`);
  return { url: page.url, text: page.text };
}
