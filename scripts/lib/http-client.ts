// The app's HTTP surface without a browser: sign in through next-auth's own endpoints, and call server
// actions the way React does (POST with a Next-Action header). Used by the HTTP tests and by the load
// and fault runs (tests/reliability/).
import type { ClaimVoteValue } from "@/lib/vocabulary";
import fs from "node:fs";
import path from "node:path";

interface ActionEntry {
  workers: Record<string, unknown>;
  filename: string;
  exportedName: string;
}

let manifest: Record<string, ActionEntry> | undefined;

/** A server action's id in the production build that the e2e server runs. */
export function actionId(filename: string, exportedName: string): string {
  manifest ??= JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")).node;
  const found = Object.entries(manifest!).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} in ${filename} in the build.`);
  return found[0];
}

export type ActionResult = { ok: true; data: unknown } | { ok: false; error: string; status: number; code?: string; retryAfterSeconds?: number };

/** Reads an action's return value out of the React Server Components stream (the row React resolves as `a`). */
export function parseActionResult(body: string): ActionResult {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1], match[2]);
  }
  const head = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
  const reference = head?.a?.startsWith("$@") ? head.a.slice(2) : null;
  const value = reference ? rows.get(reference) : undefined;
  if (value === undefined) throw new Error(`No action result in: ${body.slice(0, 300)}`);
  return JSON.parse(value) as ActionResult;
}

/** The headers React sends with a server action call (without cookie). */
export function serverActionHeaders(file: string, name: string, origin: string | null): Record<string, string> {
  return {
    "next-action": actionId(file, name),
    accept: "text/x-component",
    "content-type": "text/plain;charset=UTF-8",
    ...(origin ? { origin } : {}),
  };
}

/** Resolves once `url` answers below 500; fails if `server` exits first or the time runs out. */
/**
 * The request the claim page sends for Agree/Disagree: POST /api/claims/:id/vote with JSON (decision 013).
 * `origin: null` leaves the Origin header out.
 */
export function claimVoteRequest(claimId: string, value: ClaimVoteValue | null, { origin, body }: { origin: string | null; body?: string }) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (origin !== null) headers.origin = origin;
  return { method: "POST" as const, path: `/api/claims/${encodeURIComponent(claimId)}/vote`, headers, body: body ?? JSON.stringify({ value }) };
}

/** What the claim page sends to post a response (decision 022): POST /api/claims/:id/responses with JSON. */
export interface ResponseDraft {
  parentId?: string | null;
  stance: "support" | "oppose";
  body: string;
  sources?: { url: string; quote?: string }[];
  submissionKey?: string;
}

/** The request the claim page sends to post a response. `origin: null` leaves the Origin header out. */
export function postResponseRequest(claimId: string, draft: ResponseDraft, { origin, body }: { origin: string | null; body?: string }) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (origin !== null) headers.origin = origin;
  return {
    method: "POST" as const,
    path: `/api/claims/${encodeURIComponent(claimId)}/responses`,
    headers,
    body: body ?? JSON.stringify({ parentId: null, ...draft }),
  };
}

/** An edge endpoint's answer (JSON, or problem details from lib/errors.ts) read into a server action's result. */
function readEdgeAnswer(response: Response, text: string): ActionResult {
  let answer: { ok?: boolean; detail?: string; status?: number; code?: string; retryAfterSeconds?: number } & Record<string, unknown>;
  try {
    answer = JSON.parse(text);
  } catch {
    throw new Error(`HTTP ${response.status} from ${response.url}: ${text.slice(0, 300)}`);
  }
  if (response.ok) return { ok: true, data: answer.ok === true && Object.keys(answer).length === 1 ? undefined : answer };
  const retryAfter = Number(response.headers.get("retry-after"));
  return {
    ok: false,
    error: answer.detail ?? text.slice(0, 300),
    status: answer.status ?? response.status,
    code: answer.code,
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
  };
}

export class HttpClient {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** A client holding cookies copied from elsewhere (e.g. a stolen session). */
  static withCookies(baseUrl: string, cookieHeader: string) {
    const client = new HttpClient(baseUrl);
    for (const pair of cookieHeader.split("; ")) {
      const [name, ...rest] = pair.split("=");
      if (name) client.cookies.set(name, rest.join("="));
    }
    return client;
  }

  get cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has("cookie")) headers.set("cookie", this.cookieHeader);
    const response = await fetch(new URL(pathname, this.baseUrl), { redirect: "manual", ...init, headers });
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(";");
      const [name, ...rest] = pair.split("=");
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute) || /expires=thu, 01 jan 1970/i.test(attribute));
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), rest.join("="));
    }
    return response;
  }

  /** Signs in with email and password through next-auth's credentials endpoint, as the form does. */
  async signIn(email: string, password: string): Promise<Response> {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    return this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(this.baseUrl).origin },
      body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
    });
  }

  /** Calls a server action directly: the same request React sends, with whatever argument we like. */
  async callAction(
    action: { file: string; name: string; page: string },
    argument: unknown,
    { origin = new URL(this.baseUrl).origin, body }: { origin?: string | null; body?: BodyInit } = {},
  ): Promise<{ response: Response; text: string }> {
    const headers = serverActionHeaders(action.file, action.name, origin);
    const response = await this.fetch(action.page, { method: "POST", headers, body: body ?? JSON.stringify([argument]) });
    return { response, text: await response.text() };
  }

  /** Agree/Disagree through POST /api/claims/:id/vote (not a server action; decision 013). */
  async voteOnClaim(
    claimId: string,
    value: ClaimVoteValue | null,
    { origin = new URL(this.baseUrl).origin, body }: { origin?: string | null; body?: string } = {},
  ): Promise<{ response: Response; result: ActionResult }> {
    const { path, ...init } = claimVoteRequest(claimId, value, { origin, body });
    const response = await this.fetch(path, init);
    return { response, result: readEdgeAnswer(response, await response.text()) };
  }

  /** Posts a response as the claim page does: POST /api/claims/:id/responses (decision 022); `data` is the new response. */
  async postResponse(
    claimId: string,
    draft: ResponseDraft,
    { origin = new URL(this.baseUrl).origin, body }: { origin?: string | null; body?: string } = {},
  ): Promise<{ response: Response; result: ActionResult }> {
    const { path, ...init } = postResponseRequest(claimId, draft, { origin, body });
    const response = await this.fetch(path, init);
    return { response, result: readEdgeAnswer(response, await response.text()) };
  }

  /** "Your crux here" as the claim page asks for it: GET /api/claims/:id/crux (decision 022). */
  async personalCrux(claimId: string): Promise<{ response: Response; result: ActionResult }> {
    const response = await this.fetch(`/api/claims/${encodeURIComponent(claimId)}/crux`);
    return { response, result: readEdgeAnswer(response, await response.text()) };
  }

  /** Calls an action and returns its result object; fails if the HTTP exchange itself failed. */
  async action(action: { file: string; name: string; page: string }, argument: unknown): Promise<ActionResult> {
    const { response, text } = await this.callAction(action, argument);
    if (response.status !== 200) throw new Error(`HTTP ${response.status} from ${action.name}: ${text.slice(0, 300)}`);
    return parseActionResult(text);
  }
}
