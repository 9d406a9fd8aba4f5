// The home page leads with what is being argued now: the most argued claims, each with its strongest
// argument on either side, then the articles with what is happening in them. One render for everyone
// (server/page-cache.ts), dropped whenever any debate changes.
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { listArticleSummaries, listNewArticles, type ArticleSummary } from "@/lib/articles/queries";
import { listLiveDebates, type DebateArgument, type LiveDebate } from "@/lib/debate/live-debates";
import { count } from "@/lib/format";
import { formatAge } from "@/lib/format-age";
import { ViewerScope } from "@/components/viewer/viewer-scope";
import { pageOverlay } from "@/lib/debate/page-overlay";

function ArgumentLine({ argument, side }: { argument: DebateArgument | null; side: "for" | "against" }) {
  const styles = side === "for" ? "border-emerald-600" : "border-rose-600";
  const label = side === "for" ? "Strongest for" : "Strongest against";
  return (
    <p className={`line-clamp-2 border-l-4 ${styles} pl-3 text-sm`}>
      <span className="font-medium text-muted">{label}: </span>
      {argument ? (
        <Link href={`/responses/${argument.id}`} className="text-ink hover:underline">
          {argument.excerpt}
        </Link>
      ) : (
        <span className="italic text-muted">nothing yet</span>
      )}
    </p>
  );
}

function DebateItem({ debate, argued }: { debate: LiveDebate; argued: boolean }) {
  return (
    <li className="space-y-2 px-4 py-4 sm:px-5">
      <h3 className="font-serif text-lg font-semibold leading-snug">
        <Link href={`/claims/${debate.id}`} className="hover:text-accent hover:underline">
          {debate.text}
        </Link>
      </h3>
      <p className="text-xs text-muted">
        In{" "}
        <Link href={`/articles/${debate.article.slug}`} className="underline decoration-line underline-offset-2 hover:text-ink">
          {debate.article.title}
        </Link>
        {argued ? (
          <>
            {" "}
            · <span className="font-medium text-ink">{debate.supporting} for</span> · <span className="font-medium text-ink">{debate.opposing} against</span>
            {debate.lastArgumentAt ? ` · last argument ${formatAge(debate.lastArgumentAt)}` : ""}
          </>
        ) : (
          " · no arguments yet: be the first"
        )}
      </p>
      {argued ? (
        <div className="space-y-1.5">
          <ArgumentLine argument={debate.strongestFor} side="for" />
          <ArgumentLine argument={debate.strongestAgainst} side="against" />
        </div>
      ) : null}
    </li>
  );
}

function ArticleItem({ article }: { article: ArticleSummary }) {
  return (
    <li className="space-y-1.5 px-4 py-4 sm:px-5">
      <h3 className="font-serif text-lg font-semibold leading-snug">
        <Link href={`/articles/${article.slug}`} className="hover:text-accent hover:underline">
          {article.title}
        </Link>
      </h3>
      {article.byline || article.siteName ? (
        <p className="text-xs text-muted">{[article.byline && `By ${article.byline}`, article.siteName].filter(Boolean).join(" · ")}</p>
      ) : null}
      <p className="line-clamp-3 font-serif text-sm text-ink/90">{article.excerpt}</p>
      <p className="text-xs text-muted">
        {count(article.claims, "claim")} · {count(article.responses, "response")} · {article.argued ? "last activity" : "added"}{" "}
        {formatAge(article.lastActivityAt)}
      </p>
    </li>
  );
}

export default async function HomePage() {
  await connection();
  const [{ argued, debates }, articles, newest, seed] = await Promise.all([listLiveDebates(), listArticleSummaries(), listNewArticles(), pageOverlay(null)]);
  return (
    <ViewerScope seed={seed}>
      <div className="space-y-8">
        <div className="max-w-3xl">
          <h1 className="font-serif text-3xl font-semibold sm:text-4xl">Argue with what an article actually says</h1>
          <p className="mt-2 text-muted">
            Pick a claim marked in an article, say whether it holds, and add your strongest argument for or against it; the best arguments rise.{" "}
            <Link href="/about" className="whitespace-nowrap text-accent underline underline-offset-4">
              How it works
            </Link>
          </p>
        </div>
        <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <section aria-label="Live debates" className="space-y-3">
            <h2 className="text-xl font-semibold">{argued ? "Live debates" : "Waiting for a first argument"}</h2>
            {debates.length === 0 ? (
              <p className="text-muted">No claims to argue yet.</p>
            ) : (
              <ul className="divide-y divide-line rounded-lg border border-line bg-white">
                {debates.map((debate) => (
                  <DebateItem key={debate.id} debate={debate} argued={argued} />
                ))}
              </ul>
            )}
          </section>
          <div className="space-y-8">
            {/* While every article fits in the list below, a list of the newest would only repeat it. */}
            {articles.length > newest.length ? (
              <section aria-label="New here" className="space-y-2" data-testid="new-articles">
                <h2 className="text-xl font-semibold">New here</h2>
                <ul className="space-y-1.5 text-sm">
                  {newest.map((article) => (
                    <li key={article.id}>
                      <Link href={`/articles/${article.slug}`} className="font-serif text-ink hover:text-accent hover:underline">
                        {article.title}
                      </Link>
                      <span className="text-xs text-muted">
                        {article.site ? ` · ${article.site}` : ""}
                        {article.broughtBy ? ` · brought by ${article.broughtBy}` : ""} · {formatAge(article.importedAt)}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <section aria-label="Articles" className="space-y-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-xl font-semibold">Articles</h2>
                <Link href="/submit" className="text-sm text-accent underline underline-offset-4">
                  Submit an article
                </Link>
              </div>
              {articles.length === 0 ? (
                <p className="text-muted">No articles yet.</p>
              ) : (
                <ul className="divide-y divide-line rounded-lg border border-line bg-white">
                  {articles.map((article) => (
                    <ArticleItem key={article.id} article={article} />
                  ))}
                </ul>
              )}
            </section>
          </div>
        </div>
      </div>
    </ViewerScope>
  );
}
