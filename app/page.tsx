import Link from "next/link";
import { connection } from "next/server";
import { listArticles } from "@/lib/articles/queries";
import { formatDate } from "@/lib/format";

export default async function HomePage() {
  await connection();
  const articles = await listArticles();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="font-serif text-3xl font-semibold">Articles</h1>
        <p className="mt-1 text-muted">Read an article, then argue with what it actually says.</p>
      </div>
      {articles.length === 0 ? (
        <p className="text-muted">No articles yet.</p>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-white" aria-label="Articles">
          {articles.map((article) => (
            <li key={article.id} className="px-5 py-4">
              <h2 className="font-serif text-xl font-semibold leading-snug">
                <Link href={`/articles/${article.slug}`} className="hover:text-accent hover:underline">
                  {article.title}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-muted">
                {article.byline ? <span>By {article.byline} · </span> : null}
                <span>Imported {formatDate(article.importedAt)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
