// A crowd of signed-in readers on the production server: each autocannon connection is one person who
// reads article and claim pages, votes and posts responses (some of them replies), and a ledger of every
// write the server acknowledged, to check against the database afterwards.
import autocannon from "autocannon";
import pg from "pg";
import { claimVoteRequest, postResponseRequest, type ActionResult } from "@/scripts/lib/http-client";
import type { Harness } from "./harness";

export interface Ledger {
  /** Acknowledged responses by id. */
  responses: Map<string, { authorId: string; claimId: string; body: string }>;
  /** The last acknowledged claim vote per "userId claimId" (null: vote withdrawn). */
  votes: Map<string, "agree" | "disagree" | null>;
  counts: Record<"article" | "claim" | "vote" | "post" | "hostile", number>;
  /** Hostile requests (decision 015) not refused with a 4xx. */
  hostileNotRefused: number;
  /** Pages that carried text of the withheld thread (Harness.withheld). */
  withheldLeaks: number;
  /** Votes whose answer said ok (several may concern one person and claim). */
  acknowledgedVotes: number;
  /** Answers by HTTP status, and action results by their own status (ok = 200). */
  statuses: Map<number, number>;
  actionStatuses: Map<number, number>;
  /** Bodies of answers with status >= 500, for the report. */
  serverErrorSamples: string[];
  /** Answers that showed a stack trace or an internal error message. */
  leaks: number;
  /**
   * Writes still unanswered when the run stopped (its connections closed): the server may or may not
   * have committed them, so either outcome is accepted for these.
   */
  unanswered: { posts: Set<string>; votes: Map<string, Set<"agree" | "disagree" | null>> };
}

export function newLedger(): Ledger {
  return {
    responses: new Map(),
    votes: new Map(),
    counts: { article: 0, claim: 0, vote: 0, post: 0, hostile: 0 },
    hostileNotRefused: 0,
    withheldLeaks: 0,
    acknowledgedVotes: 0,
    statuses: new Map(),
    actionStatuses: new Map(),
    serverErrorSamples: [],
    leaks: 0,
    unanswered: { posts: new Set(), votes: new Map() },
  };
}

type Pending =
  | { kind: "article" | "claim" }
  | { kind: "hostile"; label: string }
  | { kind: "vote"; claimId: string; value: "agree" | "disagree" | null }
  | { kind: "post"; claimId: string; body: string };

interface Context {
  account?: Harness["accounts"][number];
  /** Requests sent on this connection and not answered yet, oldest first (answers come in order). */
  pending?: Pending[];
}

const STACK_TRACE = /\n\s+at [^\n]+[(:]\d|PrismaClient|ECONNREFUSED|node_modules\//;

const bump = (map: Map<number, number>, key: number) => map.set(key, (map.get(key) ?? 0) + 1);
const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)];

export interface TrafficOptions {
  connections: number;
  durationSeconds: number;
  /** Share of requests per kind; the rest are page reads. */
  voteShare?: number;
  postShare?: number;
  hostileShare?: number;
}

/**
 * Requests an attacker sends (decision 015): each must be refused with a 4xx at once, never a 5xx or a
 * hung socket, whatever else the server is doing.
 */
interface HostileRequest {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function hostileRequest(claimId: string, origin: string): HostileRequest {
  const choices: HostileRequest[] = [
    { label: "malformed escape in a cached page's address", method: "GET", path: "/claims/%E0%A4%A", headers: {} },
    { label: "NUL in a search", method: "GET", path: "/search?q=a%00b", headers: {} },
    { label: "invalid UTF-8 in an article's address", method: "GET", path: "/articles/%FF%FE", headers: {} },
    { label: "TRACE", method: "TRACE", path: "/", headers: {} },
    {
      label: "NUL in a claim vote's JSON",
      method: "POST",
      path: `/api/claims/${claimId}/vote`,
      headers: { "content-type": "application/json", origin },
      body: '{"value":"agree\u0000"}',
    },
    {
      label: "NUL in an API body",
      method: "POST",
      path: `/api/v1/claims/${claimId}/responses`,
      headers: { "content-type": "application/json" },
      body: '{"stance":"support","body":"x\u0000"}',
    },
  ];
  return pick(choices);
}

export function runTraffic(harness: Harness, ledger: Ledger, options: TrafficOptions): Promise<autocannon.Result> & { stop(): void } {
  const origin = new URL(harness.appUrl).origin;
  const acknowledgedByClaim = new Map<string, string[]>();
  const { voteShare = 0.25, postShare = 0.1, hostileShare = 0.03 } = options;
  let nextAccount = 0;
  let posts = 0;
  const contexts: Context[] = [];

  // Without a callback autocannon's types promise a Result; at run time it is the (thenable) Instance.
  const instance = autocannon({
    url: harness.appUrl,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 30,
    initialContext: {},
    requests: [
      {
        setupRequest(request, rawContext) {
          const context = rawContext as Context;
          if (!context.account || !context.pending) {
            context.account = harness.accounts[nextAccount++ % harness.accounts.length];
            context.pending = [];
            contexts.push(context);
          }
          const claim = pick(harness.claims);
          const roll = Math.random();
          if (roll < voteShare) {
            const value = pick(["agree", "disagree", "agree", null] as const);
            context.pending.push({ kind: "vote", claimId: claim.id, value });
            // Claim votes have their own endpoint (decision 013), not a server action.
            const vote = claimVoteRequest(claim.id, value, { origin });
            return { ...request, ...vote, headers: { ...vote.headers, cookie: context.account.client.cookieHeader } };
          }
          if (roll < voteShare + postShare) {
            posts += 1;
            const body = `Load test argument ${posts} by ${context.account.id}: the evidence points the other way.`;
            const parents = acknowledgedByClaim.get(claim.id) ?? [];
            const parentId = parents.length && Math.random() < 0.4 ? pick(parents) : null;
            context.pending.push({ kind: "post", claimId: claim.id, body });
            const submissionKey = `load${posts.toString(16).padStart(12, "0")}${Math.random().toString(16).slice(2, 10)}`;
            // As the claim page posts: to the edge's endpoint (decision 022), not a server action.
            const post = postResponseRequest(claim.id, { parentId, stance: pick(["support", "oppose"]), body, submissionKey }, { origin });
            return { ...request, ...post, headers: { ...post.headers, cookie: context.account.client.cookieHeader } };
          }
          if (roll < voteShare + postShare + hostileShare) {
            const hostile = hostileRequest(claim.id, origin);
            context.pending.push({ kind: "hostile", label: hostile.label });
            return {
              ...request,
              method: hostile.method as "GET",
              path: hostile.path,
              body: hostile.body,
              headers: { ...hostile.headers, cookie: context.account.client.cookieHeader },
            };
          }
          const readArticle = Math.random() < 0.5;
          context.pending.push({ kind: readArticle ? "article" : "claim" });
          // Keep the base request's host and port: autocannon builds the Host header from them.
          return {
            ...request,
            body: undefined,
            method: "GET",
            path: readArticle ? `/articles/${pick(harness.articleSlugs)}` : `/claims/${claim.id}`,
            headers: { cookie: context.account.client.cookieHeader, accept: "text/html" },
          };
        },
        onResponse(status, body, rawContext) {
          const context = rawContext as Context;
          const pending = context.pending!.shift()!;
          ledger.counts[pending.kind] += 1;
          bump(ledger.statuses, status);
          if (status >= 500 && status !== 503 && ledger.serverErrorSamples.length < 5)
            ledger.serverErrorSamples.push(`${status} ${pending.kind}: ${body.slice(0, 300)}`);
          if (status >= 400 && STACK_TRACE.test(body)) ledger.leaks += 1;
          if (pending.kind === "hostile") {
            if (status < 400 || status >= 500) {
              ledger.hostileNotRefused += 1;
              if (ledger.serverErrorSamples.length < 5) ledger.serverErrorSamples.push(`${status} to ${pending.label}: ${body.slice(0, 200)}`);
            }
            return;
          }
          if (harness.withheld.texts.some((text) => body.includes(text))) ledger.withheldLeaks += 1;
          if (status !== 200 || (pending.kind !== "vote" && pending.kind !== "post")) return;
          let result: ActionResult;
          try {
            // Both are answered by the edge: 200 with JSON ({"ok": true}, or the new response), else problem details.
            result = pending.kind === "vote" ? (JSON.parse(body) as ActionResult) : { ok: true, data: JSON.parse(body) as unknown };
          } catch {
            // Not an action result at all: counted as a server error, with the body for the report.
            bump(ledger.actionStatuses, 599);
            if (ledger.serverErrorSamples.length < 5) ledger.serverErrorSamples.push(`unreadable ${pending.kind} answer: ${body.slice(0, 300)}`);
            return;
          }
          bump(ledger.actionStatuses, result.ok ? 200 : result.status);
          if (!result.ok) return;
          const userId = context.account!.id;
          if (pending.kind === "vote") {
            ledger.votes.set(`${userId} ${pending.claimId}`, pending.value);
            ledger.acknowledgedVotes += 1;
          } else {
            const { id } = result.data as { id: string };
            ledger.responses.set(id, { authorId: userId, claimId: pending.claimId, body: pending.body });
            acknowledgedByClaim.set(pending.claimId, [...(acknowledgedByClaim.get(pending.claimId) ?? []), id]);
          }
        },
      },
    ],
  }) as unknown as autocannon.Instance;
  const noteUnanswered = () => {
    for (const context of contexts) {
      for (const pending of context.pending ?? []) {
        if (pending.kind === "post") ledger.unanswered.posts.add(pending.body);
        if (pending.kind === "vote") {
          const key = `${context.account!.id} ${pending.claimId}`;
          ledger.unanswered.votes.set(key, (ledger.unanswered.votes.get(key) ?? new Set()).add(pending.value));
        }
      }
    }
  };
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance.on("done", (result) => {
      noteUnanswered();
      resolve(result);
    });
    instance.on("error", reject);
  });
  return Object.assign(finished, { stop: () => instance.stop() });
}

async function voteSnapshot(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("begin isolation level repeatable read read only");
    const votes = (
      await client.query<{ userId: string; claimId: string; value: "agree" | "disagree" }>(
        `select "userId", "claimId", value from "ClaimVote" where "userId" like 'load-%'`,
      )
    ).rows;
    const tallies = (
      await client.query<{ claimId: string; agree: number; disagree: number }>(
        `select "claimId", count(*) filter (where value = 'agree')::int as agree, count(*) filter (where value = 'disagree')::int as disagree
         from "ClaimVote" where "userId" like 'load-%' group by 1`,
      )
    ).rows;
    await client.query("commit");
    return { votes, tallies };
  } finally {
    await client.end();
  }
}

/** Every acknowledged write is in the database, nothing unacknowledged is, and the tallies agree. */
export async function verifyLedger(
  harness: Harness,
  ledger: Ledger,
): Promise<{ problems: string[]; checked: { responses: number; votes: number; claims: number } }> {
  const problems: string[] = [];
  const stored = await harness.sql<{ id: string; authorId: string; claimId: string; body: string }>(
    `select id, "authorId", "claimId", body from "Response" where body like 'Load test argument %'`,
  );
  const storedById = new Map(stored.map((row) => [row.id, row]));
  let missing = 0;
  let altered = 0;
  for (const [id, expected] of ledger.responses) {
    const row = storedById.get(id);
    if (!row) missing += 1;
    else if (row.authorId !== expected.authorId || row.claimId !== expected.claimId || row.body !== expected.body) altered += 1;
  }
  const unacknowledged = stored.filter((row) => !ledger.responses.has(row.id) && !ledger.unanswered.posts.has(row.body)).length;
  if (missing) problems.push(`${missing} acknowledged responses are missing`);
  if (altered) problems.push(`${altered} responses differ from what was acknowledged`);
  if (unacknowledged) problems.push(`${unacknowledged} responses are stored that no answer acknowledged`);

  // Votes and their per-claim counts from one snapshot: writes still in flight when the run stopped may
  // commit between two separate reads.
  const { votes, tallies } = await voteSnapshot(harness.databaseUrl);
  const storedVotes = new Map(votes.map((vote) => [`${vote.userId} ${vote.claimId}`, vote.value]));
  let wrongVotes = 0;
  const settled = (key: string, value: "agree" | "disagree" | null) =>
    (storedVotes.get(key) ?? null) === value || ledger.unanswered.votes.get(key)?.has(storedVotes.get(key) ?? null);
  for (const [key, value] of ledger.votes) if (!settled(key, value)) wrongVotes += 1;
  for (const key of storedVotes.keys()) if (!ledger.votes.has(key) && !ledger.unanswered.votes.has(key)) wrongVotes += 1;
  if (wrongVotes) problems.push(`${wrongVotes} (person, claim) votes differ from the last acknowledged vote`);

  // Expected per claim: the last acknowledged vote of each person, or, where a vote was still
  // unanswered at the end, the stored one (checked above to be one that person sent).
  const finalVotes = new Map(ledger.votes);
  for (const key of ledger.unanswered.votes.keys()) finalVotes.set(key, storedVotes.get(key) ?? null);
  const expectedTallies = new Map<string, { agree: number; disagree: number }>();
  for (const [key, value] of finalVotes) {
    if (!value) continue;
    const claimId = key.split(" ")[1];
    const tally = expectedTallies.get(claimId) ?? { agree: 0, disagree: 0 };
    tally[value] += 1;
    expectedTallies.set(claimId, tally);
  }
  const wrongTallies =
    tallies.filter((row) => {
      const expected = expectedTallies.get(row.claimId) ?? { agree: 0, disagree: 0 };
      return expected.agree !== row.agree || expected.disagree !== row.disagree;
    }).length + [...expectedTallies.keys()].filter((claimId) => !tallies.some((row) => row.claimId === claimId)).length;
  if (wrongTallies) problems.push(`${wrongTallies} claims' agree/disagree counts do not add up`);

  return {
    problems,
    checked: { responses: ledger.responses.size, votes: ledger.votes.size, claims: expectedTallies.size },
  };
}

/** Server errors, not counting 503 ("briefly unavailable") when `allowUnavailable` (the fault run). */
export function serverErrorCount(ledger: Ledger, result?: autocannon.Result, { allowUnavailable = false } = {}) {
  const isError = (status: number) => status >= 500 && !(allowUnavailable && status === 503);
  const http5xx = [...ledger.statuses].filter(([status]) => isError(status)).reduce((sum, [, count]) => sum + count, 0);
  const action5xx = [...ledger.actionStatuses].filter(([status]) => isError(status)).reduce((sum, [, count]) => sum + count, 0);
  return { http5xx, action5xx, socketErrors: result?.errors ?? 0, timeouts: result?.timeouts ?? 0 };
}

/**
 * A moderator at work during the run: every quarter second hides an acknowledged response, or restores
 * one hidden earlier, as the moderation actions do (one UPDATE of its row). Only readers' view changes;
 * the acknowledged writes stay (verifyLedger still finds them).
 */
export function moderateMeanwhile(harness: Pick<Harness, "sql">, ledger: Ledger) {
  let running = true;
  let actions = 0;
  const hidden: string[] = [];
  const loop = (async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const ids = [...ledger.responses.keys()];
      if (!ids.length) continue;
      const restore = hidden.length > 0 && Math.random() < 0.5;
      const id = restore ? hidden.splice(Math.floor(Math.random() * hidden.length), 1)[0] : pick(ids);
      await harness.sql(`update "Response" set "hiddenAt" = ${restore ? "null" : "now()"}, "moderationVersion" = "moderationVersion" + 1 where id = $1`, [id]);
      if (!restore) hidden.push(id);
      actions += 1;
    }
  })();
  return {
    actions: () => actions,
    async stop() {
      running = false;
      await loop;
    },
  };
}
