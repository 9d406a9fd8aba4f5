import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getArticleBySlug } from "@/lib/data/articles";
import { formatDate } from "@/lib/format";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticleBySlug((await params).slug);
  return { title: article?.title ?? "Article not found" };
}

export default async function ArticlePage({ params }: Props) {
  const article = await getArticleBySlug((await params).slug);
  if (!article) notFound();
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
        </p>
      </header>
      <div className="font-serif text-lg leading-relaxed" data-testid="article-body">
        {article.blocks.map((block) => {
          const text = article.body.slice(block.start, block.end);
          return block.kind === "heading" ? (
            <h2 key={block.start} className="mb-3 mt-8 font-sans text-xl font-semibold">
              {text}
            </h2>
          ) : (
            <p key={block.start} className="mb-5">
              {text}
            </p>
          );
        })}
      </div>
    </article>
  );
}
