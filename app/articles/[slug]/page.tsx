import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/article-body";
import { getCurrentUser } from "@/lib/auth/session";
import { getArticleBySlug } from "@/lib/data/articles";
import { getClaimSummaries } from "@/lib/data/debate";
import { LiveRefresh } from "@/app/claims/[id]/debate-controls";
import { canEditArticles } from "@/lib/policy";
import { formatDate } from "@/lib/format";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticleBySlug((await params).slug);
  return { title: article?.title ?? "Article not found" };
}

export default async function ArticlePage({ params }: Props) {
  const article = await getArticleBySlug((await params).slug);
  if (!article || (article.status !== "published" && !canEditArticles(await getCurrentUser()))) notFound();
  return (
    <article className="mx-auto max-w-2xl">
      <nav aria-label="Breadcrumb" className="mb-6 text-sm">
        <Link href="/" className="text-accent hover:underline">
          ← All articles
        </Link>
      </nav>
      <header className="mb-8 border-b border-line pb-6">
        <h1 className="font-serif text-4xl font-semibold leading-tight">{article.title}</h1>
        <p className="mt-3 text-sm text-muted">
          {article.byline ? <span>By {article.byline} · </span> : null}
          <span>Imported {formatDate(article.importedAt)}</span>
          <span> · {article.claims.length} claims marked: choose one to see its debate</span>
        </p>
      </header>
      <LiveRefresh articleId={article.id} />
      <ArticleBody body={article.body} blocks={article.blocks} claims={article.claims} summaries={await getClaimSummaries(article.id)} />
    </article>
  );
}
