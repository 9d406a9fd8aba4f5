// The shared renders of article, claim, thread and outline pages (decisions 011 and 018), and of the home
// page, which is dropped with any article's pages (decision 021).
//
// These pages are the same for every reader but for a small per-person layer (own votes, follows, what
// the person may do, the unread count), which the page asks for separately (GET /api/viewer,
// ./viewer-endpoint.ts). So each instance renders a page once, without anyone's session, keeps the
// finished HTML in memory, and serves it to everyone: anonymous readers and signed-in people alike.
// Only people whose page shows more than readers see (staff, authors of responses under review; one
// indexed read decides, lib/debate/viewer-overlay.ts) get a page rendered for them. Every
// write that can change a page makes PostgreSQL send a notice naming the article it belongs to (a
// trigger on the debate tables, migration 20261122054032_debate_stats, so moderation, editors and
// hand-written SQL are covered too); each instance LISTENs and drops that article's pages at once,
// so a change shows on the next request, on every instance. While the LISTEN connection is down,
// nothing is served from or stored in the cache.
//
// A render that overlaps an invalidation of its article is not stored (it may predate the write). A
// shared render never sees a cookie (it is rendered for nobody in particular), and carries the request
// header SHARED_RENDER_HEADER so the page knows to ask for the person's layer.
//
// React Server Component requests (an in-app navigation, a prefetch) of these pages are shared the same
// way (decision 022): Next.js answers them from the same render for nobody in particular, so each is
// kept under its address plus the request headers its answer varies on (which route the browser is on,
// what kind of prefetch), and dropped by the same notices. Anything but GET always reaches Next.js.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import pg from "pg";
import { hitApiLimit } from "@/lib/api/rate-limit";
import { clientIp } from "@/lib/auth/client-ip";
import { isPersonalPage, SHARED_RENDER_HEADER } from "@/lib/debate/viewer-overlay";
import { toAppError } from "@/lib/errors";
import { poolRunner } from "@/lib/db/sql-runner";
import { onPrimary } from "./read-routing";
import { sendProblem } from "./send-problem";
import { sessionClaimsOf, type SessionSecrets } from "./session";

export const PAGE_CHANNEL = "arguably_pages";
const gzipAsync = promisify(gzip);

/** Pages that may be cached, with how to find the article they belong to. */
interface CachedRoute {
  pattern: RegExp;
  /** SQL finding the page's article from the key in its address; null for a page about the whole site. */
  articleOf: string | null;
  /** A public API read (JSON): shared between callers without a token, each still counted against their limit. */
  api?: true;
}

/**
 * What a page about the whole site (the home page's live debates and articles) is filed under: it is
 * dropped with every article's pages, since any debate's change may change it. It has no personal
 * version: it shows what readers see, to everyone.
 */
const SITE = "*site";

interface Entry {
  articleId: string;
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  gzipped: Promise<Buffer> | null;
  storedAt: number;
}

type Render = (request: IncomingMessage, response: ServerResponse) => void;

export interface PageCacheOptions {
  /** To recognise signed-in people (their page may be personal). */
  session: SessionSecrets;
  /** Counts every page handed to Next.js to render. */
  onRender?: () => void;
  maxEntries?: number;
  maxBytes?: number;
  maxAgeMs?: number;
  log?: (error: unknown) => void;
}

const ROUTES: CachedRoute[] = [
  { pattern: /^\/()$/, articleOf: null },
  { pattern: /^\/articles\/([^/?#]+)$/, articleOf: `select id from "Article" where slug = $1 and status = 'published'` },
  { pattern: /^\/claims\/([^/?#]+)$/, articleOf: `select "articleId" as id from "Claim" where id = $1` },
  { pattern: /^\/claims\/([^/?#]+)\/outline$/, articleOf: `select "articleId" as id from "Claim" where id = $1` },
  { pattern: /^\/api\/v1\/articles\/([^/?#]+)$/, articleOf: `select id from "Article" where slug = $1 and status = 'published'`, api: true },
  { pattern: /^\/api\/v1\/claims\/([^/?#]+)$/, articleOf: `select "articleId" as id from "Claim" where id = $1`, api: true },
  { pattern: /^\/api\/v1\/claims\/([^/?#]+)\/responses$/, articleOf: `select "articleId" as id from "Claim" where id = $1`, api: true },
  { pattern: /^\/responses\/([^/?#]+)$/, articleOf: `select c."articleId" as id from "Response" r join "Claim" c on c.id = r."claimId" where r.id = $1` },
];

const PERSONAL_KEPT_MS = 5_000;
const PERSONAL_KEPT_PER_ARTICLE = 10_000;

const UNSTORED_HEADERS = new Set([
  "set-cookie",
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "etag",
  "x-arguably-cache",
  // The API's limit headers are each caller's own: counted and sent per request.
  "ratelimit-limit",
  "ratelimit-remaining",
  "ratelimit-reset",
]);

/**
 * The request headers a React Server Component answer varies on (Next.js's own Vary list): where the
 * browser navigates from, and whether and what it prefetches. Part of the cache key of such answers.
 */
const RSC_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"] as const;

const isComponentRequest = (request: IncomingMessage) => request.headers.rsc === "1";

function isShareable(request: IncomingMessage, route: CachedRoute) {
  if (request.method !== "GET") return false;
  const headers = request.headers;
  // A token may see more (a moderator's) and has a limit of its own: the API's handler answers it.
  if (route.api) return !headers.authorization && !headers.rsc;
  if (headers["next-action"]) return false;
  // Next.js answers a router header without `RSC: 1` with HTML, which the plain address already holds.
  return isComponentRequest(request) || !RSC_HEADERS.some((name) => headers[name] !== undefined);
}

/** Where an answer is kept: the address, and for a component request the headers it varies on. */
function cacheKey(request: IncomingMessage) {
  const url = request.url ?? "/";
  if (!isComponentRequest(request)) return url;
  const varies = RSC_HEADERS.map((name) => String(request.headers[name] ?? "")).join("\n");
  return `${url}\n${createHash("sha256").update(varies).digest("base64url")}`;
}

const hasSessionCookie = (request: IncomingMessage) => /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token/.test(request.headers.cookie ?? "");

/** The cacheable page `url` is, with the key that finds its article; null for any other URL. */
function routeOf(url: string) {
  const [path] = url.split("?");
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    // The server refuses malformed escapes before this point; should one arrive, it is not a cached page.
    try {
      return { route, key: decodeURIComponent(match[1]) };
    } catch {
      return null;
    }
  }
  return null;
}

export type PageCache = ReturnType<typeof createPageCache>;

export function createPageCache(
  connectionString: string,
  { session, onRender = () => {}, maxEntries = 1_000, maxBytes = 64 * 1024 * 1024, maxAgeMs = 60_000, log = console.error }: PageCacheOptions,
) {
  const entries = new Map<string, Entry>(); // by cacheKey()
  const generations = new Map<string, number>(); // articleId → count of invalidations
  const personalPages = new Map<string, Map<string, { personal: boolean; at: number }>>(); // articleId → sessionId →
  let everything = 0; // count of "drop everything" invalidations
  let bytes = 0;
  let listening = false;
  let closed = false;
  let listener: pg.Client | null = null;
  const lookup = new pg.Pool({ connectionString, max: 4 });
  lookup.on("error", () => {});
  const sql = poolRunner(lookup);

  function drop(url: string) {
    const entry = entries.get(url);
    if (!entry) return;
    bytes -= entry.body.length;
    entries.delete(url);
  }

  function invalidate(articleId: string) {
    if (articleId === "*") {
      everything += 1;
      entries.clear();
      personalPages.clear();
      bytes = 0;
      return;
    }
    generations.set(articleId, (generations.get(articleId) ?? 0) + 1);
    generations.set(SITE, (generations.get(SITE) ?? 0) + 1);
    personalPages.delete(articleId);
    for (const [url, entry] of entries) if (entry.articleId === articleId || entry.articleId === SITE) drop(url);
  }

  async function listen(delayMs = 500): Promise<void> {
    if (closed) return;
    const client = new pg.Client({ connectionString });
    const lost = () => {
      if (!listening && listener !== client) return;
      listening = false;
      listener = null;
      invalidate("*");
      client.end().catch(() => {});
      if (!closed) setTimeout(() => listen(), delayMs).unref();
    };
    try {
      listener = client;
      client.on("error", lost);
      client.on("end", lost);
      client.on("notification", (message) => {
        if (message.channel === PAGE_CHANNEL && message.payload) invalidate(message.payload);
      });
      await client.connect();
      await client.query(`listen ${PAGE_CHANNEL}`);
      // Anything stored before this moment could have missed a notice.
      invalidate("*");
      listening = true;
    } catch {
      listener = null;
      client.end().catch(() => {});
      if (!closed) setTimeout(() => listen(Math.min(delayMs * 2, 10_000)), delayMs).unref();
    }
  }
  void listen();

  function store(url: string, entry: Entry) {
    drop(url);
    if (entry.body.length > maxBytes / 8) return;
    entries.set(url, entry);
    bytes += entry.body.length;
    for (const [oldest] of entries) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      drop(oldest);
    }
  }

  async function send(request: IncomingMessage, response: ServerResponse, entry: Entry) {
    const acceptsGzip = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
    let body = entry.body;
    if (acceptsGzip) {
      entry.gzipped ??= gzipAsync(entry.body, { level: 6 });
      body = await entry.gzipped;
      response.setHeader("Content-Encoding", "gzip");
    }
    for (const [name, value] of Object.entries(entry.headers)) if (value !== undefined) response.setHeader(name, value);
    response.setHeader("Content-Length", body.length);
    response.setHeader("Age", Math.floor((Date.now() - entry.storedAt) / 1000));
    response.setHeader("X-Arguably-Cache", "hit");
    response.writeHead(entry.status);
    response.end(body);
  }

  /** Copies what Next.js writes, and stores it when it is a complete, shareable page. */
  function capture(response: ServerResponse, onComplete: (body: Buffer) => void) {
    const chunks: Buffer[] = [];
    const write = response.write;
    const end = response.end;
    const keep = (chunk: unknown, encoding: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    };
    response.write = function writeAndKeep(this: ServerResponse, chunk: unknown, encoding?: unknown, callback?: unknown) {
      keep(chunk, encoding);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, encoding, callback);
    } as ServerResponse["write"];
    response.end = function endAndKeep(this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
      keep(chunk, encoding);
      const result = (end as (...args: unknown[]) => ServerResponse).call(this, chunk, encoding, callback);
      onComplete(Buffer.concat(chunks));
      return result;
    } as ServerResponse["end"];
  }

  /**
   * Whether this signed-in person's page of the article shows more than the shared one. Kept a few
   * seconds per session and article, and dropped with the article's pages: either answer is safe to
   * keep, since a page rendered for a person shows what their role allows now, and the shared one what
   * readers see; only which of the two they get may lag, by PERSONAL_KEPT_MS at most.
   */
  async function personal(request: IncomingMessage, articleId: string) {
    const claims = await sessionClaimsOf(request.headers, session);
    // A cookie that names no live session is a reader's: Next.js would render the shared page for it too.
    if (!claims) return false;
    let known = personalPages.get(articleId);
    const kept = known?.get(claims.sessionId);
    if (kept && Date.now() - kept.at < PERSONAL_KEPT_MS) return kept.personal;
    const startedGeneration = generations.get(articleId) ?? 0;
    const answer = await isPersonalPage(sql, { ...claims, articleId });
    if ((generations.get(articleId) ?? 0) !== startedGeneration) return answer;
    known = personalPages.get(articleId) ?? new Map();
    if (known.size >= PERSONAL_KEPT_PER_ARTICLE) known.clear();
    known.set(claims.sessionId, { personal: answer, at: Date.now() });
    personalPages.set(articleId, known);
    return answer;
  }

  function serve(request: IncomingMessage, response: ServerResponse, url: string, entry: Entry) {
    // Most recently used last, so eviction takes the least recently used first.
    entries.delete(url);
    entries.set(url, entry);
    send(request, response, entry).catch((error) => {
      log(error);
      response.destroy();
    });
  }

  /** Next.js renders the page for nobody in particular; this request gets it, and so does everyone after. */
  /** An API read from the cache, counted against its caller's limit like any other (lib/api/rate-limit.ts). */
  function serveApi(request: IncomingMessage, response: ServerResponse, url: string, entry: Entry) {
    hitApiLimit(sql, { address: clientIp(request.headers) }).then(
      (headers) => {
        for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
        serve(request, response, url, entry);
      },
      (error: unknown) => sendProblem(request, response, toAppError(error)),
    );
  }

  function renderShared(
    request: IncomingMessage,
    response: ServerResponse,
    url: string,
    articleId: string,
    startedEverything: number,
    render: Render,
    api = false,
  ) {
    const startedGeneration = generations.get(articleId) ?? 0;
    delete request.headers.cookie;
    request.headers[SHARED_RENDER_HEADER] = "1";
    // Next.js compresses when asked; the cache keeps plain HTML and compresses once per entry.
    delete request.headers["accept-encoding"];
    response.setHeader("X-Arguably-Cache", "miss");
    capture(response, (body) => {
      const unchanged = listening && everything === startedEverything && (generations.get(articleId) ?? 0) === startedGeneration;
      const type = String(response.getHeader("content-type") ?? "");
      if (
        !unchanged ||
        response.statusCode !== 200 ||
        !(type.startsWith("text/html") || type.startsWith("text/x-component") || (api && type.startsWith("application/json"))) ||
        response.hasHeader("set-cookie") ||
        response.hasHeader("content-encoding")
      )
        return;
      const headers: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(response.getHeaders())) if (!UNSTORED_HEADERS.has(name)) headers[name] = value;
      store(url, { articleId, status: 200, headers, body, gzipped: null, storedAt: Date.now() });
    });
    // From the primary: the notice of a write can arrive before a read replica has replayed it.
    onPrimary(() => render(request, response));
  }

  return {
    get size() {
      return entries.size;
    },
    /** Answers from the cache, or lets Next.js render (`render(request, response)`) and keeps the page. */
    handle(request: IncomingMessage, response: ServerResponse, render: Render) {
      const found = routeOf(request.url ?? "/");
      const renderHere = (req: IncomingMessage, res: ServerResponse) => {
        // A render is a GET of a page (a load or an in-app navigation); a server action posted to a page's address is a write.
        if (found && (req.method === "GET" || req.method === "HEAD")) onRender();
        render(req, res);
      };
      if (!listening || !found || !isShareable(request, found.route)) return renderHere(request, response);
      const url = cacheKey(request);
      const entry = entries.get(url);
      const fresh = entry && Date.now() - entry.storedAt < maxAgeMs ? entry : null;
      const startedEverything = everything;
      const { articleOf: findArticle } = found.route;
      const articleOf =
        fresh || findArticle === null
          ? Promise.resolve(fresh?.articleId ?? SITE)
          : lookup.query<{ id: string }>(findArticle, [found.key]).then(({ rows }) => rows[0]?.id);
      articleOf
        .then(async (articleId) => {
          if (!articleId) return renderHere(request, response); // not found: let Next.js say so
          const personalPossible = !found.route.api && articleId !== SITE && hasSessionCookie(request);
          if (personalPossible && (await personal(request, articleId))) return renderHere(request, response);
          if (fresh && found.route.api) return serveApi(request, response, url, fresh);
          if (fresh) return serve(request, response, url, fresh);
          renderShared(request, response, url, articleId, startedEverything, renderHere, found.route.api);
        })
        // The database is away: no cache decision can be made; Next.js and the database gate answer.
        .catch(() => renderHere(request, response));
    },
    async close() {
      closed = true;
      listening = false;
      await Promise.allSettled([listener?.end(), lookup.end()]);
    },
  };
}
