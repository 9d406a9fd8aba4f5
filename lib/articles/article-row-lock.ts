// Every change to an article's claims (an editor's review, a reader raising a claim, a merge) first
// locks the article's row, so changes to one article are applied one after another and each sees the
// claims the previous one left: two readers selecting the same words at once get one claim, not two.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BodyBlock } from "@/lib/ingest";

export interface LockedArticle {
  id: string;
  slug: string;
  body: string;
  blocks: BodyBlock[];
  status: "draft" | "published";
  lockedAt: Date | null;
}

/** The article, locked until the transaction ends; null when it does not exist. */
export async function lockArticle(tx: Prisma.TransactionClient, articleId: string): Promise<LockedArticle | null> {
  const rows = await tx.$queryRaw<LockedArticle[]>`
    select id, slug, body, blocks, status::text as status, "lockedAt" from "Article" where id = ${articleId} for update`;
  return rows[0] ?? null;
}
