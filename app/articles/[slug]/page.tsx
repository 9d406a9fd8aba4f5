import { ExportLink } from "@/components/export-link";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleBody } from "@/components/article-body";
import { ClaimDiscussionView, discussionHref, parseDiscussionState, type DiscussionQuery } from "@/app/claims/[id]/claim-discussion";
import { LiveDebate } from "@/components/live/live-debate";
import { ViewerScope } from "@/components/viewer/viewer-scope";
import { pageOverlay } from "@/lib/debate/page-overlay";
import { getCurrentUser } from "@/lib/auth/session";
import { getArticleBySlug } from "@/lib/articles/queries";
import { formatDate } from "@/lib/format";
import { canModerate } from "@/lib/policy";
import { LockArticleButton } from "@/app/moderation/lock-article";
import { paragraphSentences } from "@/lib/ingest/spans";
import { ArgueThis } from "./argue-this";
import { WideScreenClaimLinks } from "./claim-links";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<DiscussionQuery & { claim?: string }> };

/**
 * Null when the viewer may not see it (a draft is for editors: lib/policy/visibility.ts). Asked as a
 * reader first: a published article needs no session. One read per request, shared by the title and
 * the page, so the title is ready with the page and goes in its head.
 */
const visibleArticle = cache(async (slug: string) => (await getArticleBySlug(slug, null)) ?? getArticleBySlug(slug, await getCurrentUser()));

function claimSummaries(claims: { id: string; supportCount: number; opposeCount: number; standing: number }[]) {
  return new Map(claims.map((claim) => [claim.id, { supporting: claim.supportCount, opposing: claim.opposeCount, standing: claim.standing }]));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await visibleArticle((await params).slug);
  return { title: article?.title ?? "Article not found" };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const article = await visibleArticle(slug);
  if (!article) notFound();
  // The viewer decides what the page shows (moderators' tools); a shared render has none.
  const user = await getCurrentUser();
  const seed = await pageOverlay(article.id);
  const readerClaims = article.claims.filter((claim) => claim.raisedBy !== undefined).length;
  const openClaim = query.claim && article.claims.some((claim) => claim.id === query.claim) ? query.claim : null;
  const text = (
    <article lang={article.language ?? undefined} className={openClaim ? "min-w-0" : "mx-auto max-w-2xl"}>
      <nav aria-label="Breadcrumb" className="mb-6 text-sm">
        <Link href="/" className="text-accent hover:underline">
          ← All articles
        </Link>
      </nav>
      <header className="mb-8 border-b border-line pb-6">
        <h1 className="font-serif text-4xl font-semibold leading-tight">{article.title}</h1>
        <p className="mt-3 text-sm text-muted">
          {article.byline ? <span>By {article.byline} · </span> : null}
          {article.siteName ? <span>{article.siteName} · </span> : null}
          {article.publishedAt ? <span>Published {formatDate(article.publishedAt)} · </span> : null}
          <span>Imported {formatDate(article.importedAt)}</span>
          <span>
            {" "}
            · {article.claims.length} {article.claims.length === 1 ? "claim" : "claims"} marked{readerClaims ? ` (${readerClaims} raised by readers)` : ""}:
            choose one to see its debate
          </span>
          {article.lockedAt ? <span> · the debate is locked</span> : null}
        </p>
        <OriginalLink url={article.sourceUrl} siteName={article.siteName} />
        <nav aria-label="Export this article's debates" className="mt-2 flex flex-wrap gap-3 text-sm">
          <span className="text-muted">Export:</span>
          {[
            ["argdown", "debates (Argdown)"],
            ["aif", "debates (AIF JSON)"],
            ["annotations", "claim anchors (Web Annotation)"],
            ["responses.csv", "responses (CSV)"],
            ["votes.csv", "votes per claim (CSV)"],
            ["participant-votes.csv", "participants' votes (CSV)"],
          ].map(([format, label]) => (
            <ExportLink key={format} href={`/api/articles/${encodeURIComponent(article.slug)}/export?format=${format}`}>
              {label}
            </ExportLink>
          ))}
        </nav>
        {canModerate(user) ? (
          <div className="mt-3">
            <LockArticleButton articleId={article.id} locked={article.lockedAt !== null} />
          </div>
        ) : null}
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
  );
  if (!openClaim)
    return (
      <ViewerScope articleId={article.id} seed={seed}>
        {text}
      </ViewerScope>
    );
  return (
    <ViewerScope articleId={article.id} seed={seed}>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_30rem]">
        {text}
        <aside aria-label="Debate on the chosen claim" className="hidden lg:block">
          <div className="sticky top-4 max-h-[calc(100vh-2rem)] space-y-3 overflow-y-auto rounded-lg border border-line bg-paper p-4">
            <div className="flex justify-between text-sm">
              <Link href={`/claims/${openClaim}`} className="text-accent hover:underline">
                Open as its own page
              </Link>
              <Link href={`/articles/${article.slug}`} scroll={false} className="text-accent hover:underline">
                Close
              </Link>
            </div>
            <ClaimDiscussionView
              claimId={openClaim}
              state={parseDiscussionState(query)}
              href={(state) => discussionHref(`/articles/${article.slug}?claim=${openClaim}`, state)}
              compact
            />
          </div>
        </aside>
      </div>
    </ViewerScope>
  );
}

/** "Read the original at …" for articles imported from a web address (only http and https are links). */
function OriginalLink({ url, siteName }: { url: string | null; siteName: string | null }) {
  const parsed = url && URL.canParse(url) ? new URL(url) : null;
  if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) return null;
  return (
    <p className="mt-2 text-sm">
      Read the original at{" "}
      <a className="underline" href={parsed.href} rel="noopener noreferrer nofollow external">
        {siteName ?? parsed.hostname.replace(/^www\./, "")}
      </a>
    </p>
  );
}
