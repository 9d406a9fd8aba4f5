// Direct access to the browser tests' app database, as an operator's tool would have.
import type pg from "pg";
import { queryRows } from "@/lib/db/scratch";
import { inject } from "vitest";

export function appSql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  return queryRows<T>(inject("appDatabaseUrl"), text, values);
}

/**
 * A published one-paragraph article whose opening words (`claim`) are its only claim: for a test whose
 * debate no other test may touch. Returns the claim's id.
 */
export async function createArticleWithClaim({
  id,
  slug = id,
  title,
  body,
  claim,
  claimId = `${id.replace(/-article$/, "")}-claim`,
  suffix = "",
}: {
  id: string;
  slug?: string;
  title: string;
  body: string;
  claim: string;
  claimId?: string;
  suffix?: string;
}) {
  if (!body.startsWith(claim)) throw new Error("The claim must open the article's body.");
  await appSql(`insert into "Article" (id, slug, title, body, blocks, "sourceHash", status) values ($1, $2, $3, $4, $5::jsonb, $1, 'published')`, [
    id,
    slug,
    title,
    body,
    JSON.stringify([{ kind: "paragraph", start: 0, end: body.length }]),
  ]);
  await appSql(`insert into "Claim" (id, "articleId", start, "end", exact, prefix, suffix, text, "updatedAt") values ($1, $2, 0, $3, $4, '', $5, $4, now())`, [
    claimId,
    id,
    claim.length,
    claim,
    suffix,
  ]);
  return claimId;
}
