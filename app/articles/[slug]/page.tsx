import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleBody } from "@/components/article-body";
import { ClaimDiscussionView, discussionHref, parseDiscussionState, type DiscussionQuery } from "@/app/claims/[id]/claim-discussion";
import { LiveDebate } from "@/components/live/live-debate";
import { ViewerScope } from "@/components/viewer/viewer-scope";
import { pageOverlay } from "@/lib/debate/page-overlay";
import { getCurrentUser } from "@/lib/auth/session";
import { getArticleBySlug } from "@/lib/articles/queries";
import { count, formatDate } from "@/lib/format";
import { paragraphSentences } from "@/lib/ingest/spans";
import { ArgueThis } from "./argue-this";
import { ArticleActions } from "./article-actions";
import { ClaimPanel, WideScreenClaimLinks } from "./claim-links";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<DiscussionQuery & { claim?: string }> };

/**
 * Null when the viewer may not see it (a draft is for editors: lib/policy/visibility.ts). Asked as a
 * reader first: a published article needs no session. One read per request, shared by the title and
 * the page, so the title is ready with the page and goes in its head.
 */
const visibleArticle = cache(async (slug: string) => (await getArticleBySlug(slug, null)) ?? getArticleBySlug(slug, await getCurrentUser()));

type ArticleClaims = NonNullable<Awaited<ReturnType<typeof visibleArticle>>>["claims"];

function claimSummaries(claims: ArticleClaims) {
  return new Map(claims.map((claim) => [claim.id, { supporting: claim.supportCount, opposing: claim.opposeCount }]));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await visibleArticle((await params).slug);
  return { title: article?.title ?? "Article not found", description: article ? article.body.slice(0, 160).replace(/\s+/g, " ") : undefined };
}

/**
 * Beside the text on wide screens, before any claim is chosen: where the article is argued most, so a
 * reader meets the debates at once (and the column the debate opens in is already there: opening one
 * moves nothing in the text).
 */
function ArgumentsInThisArticle({ slug, arguedClaims }: { slug: string; arguedClaims: ArticleClaims }) {
  const argued = [...arguedClaims].sort((a, b) => b.supportCount + b.opposeCount - (a.supportCount + a.opposeCount)).slice(0, 6);
  return (
    <section aria-label="Where this article is argued" className="space-y-3 rounded-lg border border-line bg-white p-4 text-sm">
      <h2 className="font-semibold">{argued.length ? "Argued most in this article" : "Nothing argued here yet"}</h2>
      {argued.length ? (
        <ul className="space-y-3">
          {argued.map((claim) => (
            <li key={claim.id}>
              <Link href={`/articles/${slug}?claim=${claim.id}`} scroll={false} className="font-serif text-ink hover:text-accent hover:underline">
                {claim.text}
              </Link>
              <p className="text-xs text-muted">
                {claim.supportCount} for · {claim.opposeCount} against
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">Choose a marked claim to see its debate and add the first argument for or against it.</p>
      )}
      <p className="text-muted">Or select any sentence of the text to argue it as a claim of your own.</p>
    </section>
  );
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const article = await visibleArticle(slug);
  if (!article) notFound();
  const seed = await pageOverlay(article.id);
  const readerClaims = article.claims.filter((claim) => claim.raisedBy !== undefined).length;
  const arguedClaims = article.claims.filter((claim) => claim.supportCount + claim.opposeCount > 0);
  const openClaim = query.claim && article.claims.some((claim) => claim.id === query.claim) ? query.claim : null;
  const byline = [
    article.byline ? `By ${article.byline}` : null,
    article.siteName,
    article.publishedAt ? `Published ${formatDate(article.publishedAt)}` : `Added ${formatDate(article.importedAt)}`,
  ].filter(Boolean);
  return (
    <ViewerScope articleId={article.id} seed={seed}>
      {/* The rail beside the text is there on wide screens whether or not a claim is open: nothing moves when one opens. */}
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem] xl:grid-cols-[minmax(0,1fr)_27rem]">
        <article lang={article.language ?? undefined} className="mx-auto w-full min-w-0 max-w-2xl lg:mx-0">
          <nav aria-label="Breadcrumb" className="mb-4 text-sm">
            <Link href="/" className="text-accent hover:underline">
              ← All articles
            </Link>
          </nav>
          <header className="mb-6 border-b border-line pb-4">
            <h1 className="font-serif text-3xl font-semibold leading-tight sm:text-4xl">{article.title}</h1>
            <p className="mt-3 text-sm text-muted">{byline.join(" · ")}</p>
            <OriginalLink url={article.sourceUrl} siteName={article.siteName} />
            <div className="mt-3 flex flex-wrap items-start justify-between gap-2 text-sm text-muted">
              <p>
                {count(article.claims.length, "claim")} marked{readerClaims ? ` (${readerClaims} raised by readers)` : ""} · {arguedClaims.length} argued
                {article.lockedAt ? " · the debate is locked" : ""}
              </p>
              <ArticleActions slug={article.slug} articleId={article.id} locked={article.lockedAt !== null} />
            </div>
          </header>
          <LiveDebate articleId={article.id} />
          <WideScreenClaimLinks slug={article.slug} />
          {article.status === "published" ? (
            <ArgueThis
              articleId={article.id}
              slug={article.slug}
              body={article.body}
              blocks={article.blocks}
              claims={article.claims.map(({ id, start, end }) => ({ id, start, end }))}
              sentences={paragraphSentences(article.body, article.blocks)}
              locked={article.lockedAt !== null}
            />
          ) : null}
          <ArticleBody body={article.body} blocks={article.blocks} claims={article.claims} summaries={claimSummaries(article.claims)} />
        </article>
        <div className="hidden lg:block">
          <div className="sticky top-4 max-h-[calc(100vh-2rem)] overflow-y-auto">
            {openClaim ? (
              <ClaimPanel key={openClaim} claimId={openClaim} slug={article.slug}>
                <ClaimDiscussionView
                  claimId={openClaim}
                  state={parseDiscussionState(query)}
                  href={(state) => discussionHref(`/articles/${article.slug}?claim=${openClaim}`, state)}
                  compact
                />
              </ClaimPanel>
            ) : (
              <ArgumentsInThisArticle slug={article.slug} arguedClaims={arguedClaims} />
            )}
          </div>
        </div>
      </div>
    </ViewerScope>
  );
}

/** "Read the original at …" for articles imported from a web address (only http and https are links). */
function OriginalLink({ url, siteName }: { url: string | null; siteName: string | null }) {
  const parsed = url && URL.canParse(url) ? new URL(url) : null;
  if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) return null;
  return (
    <p className="mt-1 text-sm">
      Read the original at{" "}
      <a className="underline" href={parsed.href} rel="noopener noreferrer nofollow external">
        {siteName ?? parsed.hostname.replace(/^www\./, "")}
      </a>
    </p>
  );
}
