import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { getArticleForReview } from "@/lib/articles/queries";
import { canEditArticles } from "@/lib/policy";
import { ReviewEditor } from "./review-editor";

export const metadata: Metadata = { title: "Review article" };

type Props = { params: Promise<{ id: string }> };

export default async function ReviewArticlePage({ params }: Props) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=/editor/articles/${encodeURIComponent(id)}`);
  if (!canEditArticles(user)) forbidden();
  const article = await getArticleForReview(id);
  if (!article) notFound();
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/editor" className="text-accent hover:underline">
          ← Editor&apos;s desk
        </Link>
      </nav>
      <header>
        <h1 className="font-serif text-3xl font-semibold">{article.title}</h1>
        <p className="mt-1 text-sm text-muted">
          {article.byline ? `By ${article.byline} · ` : ""}
          {article.sourceUrl ? `From ${new URL(article.sourceUrl).host} · ` : ""}
          {article.submissions[0] ? <strong data-testid="submitted-by">Submitted by {article.submissions[0].submitter.name} · </strong> : null}
          Review the proposed claims, then publish{article.submissions[0] ? ", or decline it with a reason the reader will see" : ""}.
        </p>
      </header>
      <ReviewEditor
        article={{ id: article.id, slug: article.slug, title: article.title, status: article.status, body: article.body, blocks: article.blocks }}
        claims={article.claims}
        submitted={article.submissions.length > 0}
      />
    </div>
  );
}
