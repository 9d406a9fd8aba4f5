import { getDb } from "@/lib/db/client";
import type { BodyBlock } from "@/lib/ingest";

export async function listArticles() {
  return getDb().article.findMany({
    where: { status: "published" },
    orderBy: [{ importedAt: "desc" }, { title: "asc" }],
    select: { id: true, slug: true, title: true, byline: true, importedAt: true, _count: { select: { claims: true } } },
    take: 100,
  });
}

export async function getArticleBySlug(slug: string) {
  const article = await getDb().article.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      byline: true,
      body: true,
      blocks: true,
      sourceUrl: true,
      importedAt: true,
      status: true,
      lockedAt: true,
      claims: { where: { hiddenAt: null }, orderBy: { start: "asc" }, select: { id: true, start: true, end: true, text: true, supportCount: true, opposeCount: true, standing: true } },
    },
  });
  if (!article) return null;
  return { ...article, blocks: article.blocks as unknown as BodyBlock[] };
}
