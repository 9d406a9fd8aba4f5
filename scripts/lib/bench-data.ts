// The benchmark dataset (npm run bench:seed), built with set-based SQL in its own database
// (`arguably_bench` on the embedded server or on DATABASE_URL's server).
// The demo articles plus copies of them (50 articles, ~550 claims); response trees whose sizes follow
// a long tail, with one claim of 2,000 responses and one of 10,000 in the largest article; random
// recursive trees (each reply answers an earlier response of its claim), so depth grows like log n;
// response and claim votes; users who all share one password, for benchmarks that sign in.
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { migrate } from "@/lib/db/migrate";
import { dropDatabase, withDatabaseName } from "@/lib/db/scratch";
import { log } from "./runtime";

export const BENCH_DATABASE = "arguably_bench";
/** The same shape at 1,000 responses, to see how pages grow with the data. */
export const BENCH_SMALL_DATABASE = "arguably_bench_small";
export const BENCH_PASSWORD = "bench password 1";
export const BENCH_CLAIM_SIZES = { medium: 2_000, large: 10_000 };
const ARTICLE_COPIES = 24;

const SENTENCES = [
  "The evidence the article cites is older than the policy it criticises.",
  "This only holds if the budget numbers in the second paragraph are right.",
  "Other countries tried exactly this and the results were mixed at best.",
  "The author ignores the strongest objection, which is about cost.",
  "A source is needed here; the claim is doing a lot of work.",
  "That is true in the short run but the long-run effect points the other way.",
  "The comparison is unfair because the two cases differ in scale.",
  "Exactly, and the same logic applies to the neighbouring region.",
];

/** Responses per claim: the two fixed sizes, then a long tail (weight 1/rank) over the other claims. */
export function claimSizes(claimCount: number, responses: number): number[] {
  const fixed = [BENCH_CLAIM_SIZES.large, BENCH_CLAIM_SIZES.medium].map((size) => Math.min(size, Math.floor(responses / 3)));
  const rest = Math.max(0, responses - fixed[0] - fixed[1]);
  const others = claimCount - 2;
  const weights = Array.from({ length: others }, (_, index) => 1 / (index + 1));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const sizes = weights.map((weight) => Math.floor((rest * weight) / total));
  sizes[0] += rest - sizes.reduce((sum, size) => sum + size, 0);
  return [...fixed, ...sizes];
}

async function generate(url: string, responses: number, votes: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = async (what: string, sql: string, values: unknown[] = []) => {
    const started = performance.now();
    const result = await client.query(sql, values);
    log(`${what}: ${result.rowCount ?? 0} rows in ${Math.round(performance.now() - started)} ms`);
  };
  try {
    // Row-by-row upkeep of the debate statistics would dominate a bulk load; one recompute at the end
    // gives the same numbers (decision 010).
    await step("bulk mode", "set arguably.skip_debate_stats = 'on'");
    const userCount = Math.max(1_000, Math.round(responses / 20));
    await step(
      "users",
      `insert into "User" (id, email, name, "passwordHash", "createdAt", "updatedAt")
       select 'bench-user-' || n, 'bench-' || n || '@example.com', 'Reader ' || n, $1, now() - interval '90 days', now()
       from generate_series(1, $2::int) n`,
      [await hashPassword(BENCH_PASSWORD), userCount],
    );
    await step(
      "article copies",
      `insert into "Article" (id, slug, title, byline, body, blocks, "sourceHash", status, "importedAt")
       select a.id || '-copy-' || k, a.slug || '-copy-' || k, a.title || ' (copy ' || k || ')', a.byline, a.body, a.blocks,
              a."sourceHash" || '-copy-' || k, 'published', a."importedAt" - make_interval(days => k)
       from "Article" a cross join generate_series(1, $1::int) k`,
      [ARTICLE_COPIES],
    );
    await step(
      "claims of the copies",
      `insert into "Claim" (id, "articleId", start, "end", exact, prefix, suffix, text, score, origin, "createdAt", "updatedAt")
       select c.id || '-copy-' || k, c."articleId" || '-copy-' || k, c.start, c."end", c.exact, c.prefix, c.suffix, c.text, c.score, c.origin, now(), now()
       from "Claim" c cross join generate_series(1, $1::int) k`,
      [ARTICLE_COPIES],
    );
    // The two big claims sit in one demo article, which thereby becomes the largest.
    const { rows: claims } = await client.query<{ id: string }>(
      `select c.id from "Claim" c join "Article" a on a.id = c."articleId" order by (a.slug like '%-copy-%'), a.slug, c.start`,
    );
    const sizes = claimSizes(claims.length, responses);
    await step(
      "responses",
      `insert into "Response" (id, "claimId", "parentId", stance, "authorId", body, "createdAt")
       select 'bench-' || c.n || '-' || i, c.id,
              case when i <= greatest(1, c.size / 3) then null
                   else 'bench-' || c.n || '-' || (1 + ((i - greatest(1, c.size / 3) - 1)::bigint * 7919) % (i - 1)) end,
              case when (i * 13 + c.n) % 5 < 3 then 'support' else 'oppose' end::"Stance",
              'bench-user-' || (1 + (i::bigint * 7907 + c.n * 31) % $3),
              ($4::text[])[1 + (i + c.n) % array_length($4::text[], 1)] || ' (' || c.n || '.' || i || ')',
              now() - make_interval(secs => c.size - i)
       from unnest($1::text[], $2::int[]) with ordinality as c(id, size, n)
       cross join lateral generate_series(1, c.size) i`,
      [claims.map((claim) => claim.id), sizes, userCount, SENTENCES],
    );
    // Response votes are 80 % of all votes, and four in five (response, voter) candidates are kept
    // below: candidates per response = votes × 0.8 / 0.8 / responses.
    const responseVotesEach = Math.max(0, Math.round(votes / Math.max(1, responses)));
    await step(
      "response votes",
      `insert into "ResponseVote" ("responseId", "userId", value, "createdAt")
       select r.id, 'bench-user-' || (1 + (r.rn * 7 + k * 131) % $2), case when (r.rn + k) % 3 = 0 then 'weak' else 'strong' end::"ResponseVoteValue", now()
       from (select id, row_number() over (order by id) as rn from "Response") r
       cross join generate_series(0, $1::int - 1) k
       where (r.rn + k) % 5 <> 0
       on conflict do nothing`,
      [responseVotesEach, userCount],
    );
    const claimVotesEach = Math.max(1, Math.round((votes * 0.2) / claims.length));
    await step(
      "claim votes",
      `insert into "ClaimVote" ("claimId", "userId", value, "createdAt")
       select c.id, 'bench-user-' || (1 + (c.rn * 17 + k) % $2), case when (c.rn + k) % 3 = 0 then 'disagree' else 'agree' end::"ClaimVoteValue", now()
       from (select id, row_number() over (order by id) as rn from "Claim") c
       cross join generate_series(0, least($1::int, $2::int) - 1) k
       on conflict do nothing`,
      [claimVotesEach, userCount],
    );
    // Benchmarks write as fast as they can; the brakes meant for people would only measure themselves.
    await step(
      "limits for benchmarking",
      `insert into "Setting" (key, value, "updatedAt") values ('votesPerMinute', 100000, now()), ('responsesPer10Minutes', 100000, now()), ('apiAnonymousRequestsPerMinute', 100000000, now())
       on conflict (key) do update set value = excluded.value`,
    );
    await step("debate statistics", "select arguably_recompute_debate_stats()");
    await step("analyze", "analyze");
  } finally {
    await client.end();
  }
}

/** Drops and rebuilds the bench database next to `serverUrl`'s; returns its connection string. */
export async function buildBenchDatabase(serverUrl: string, { responses, votes, name = BENCH_DATABASE }: { responses: number; votes: number; name?: string }) {
  const adminUrl = withDatabaseName(serverUrl, "postgres");
  const url = withDatabaseName(serverUrl, name);
  await dropDatabase(adminUrl, name);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  await migrate(url, { log: () => undefined });
  const { seedDemoArticlesInto } = await import("./seed-demo");
  await seedDemoArticlesInto(url);
  await generate(url, responses, votes);
  return url;
}
