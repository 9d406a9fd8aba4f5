// A claim's debate: the claim in context, votes, standing with its reasons, and the pro/con columns.
// Shown as its own page (/claims/[id]) and beside the article on wide screens.
import Link from "next/link";
import { ExportLink } from "@/components/export-link";
import { SORTS, type Sort } from "@/lib/argument/ranking";
import { getCurrentUser } from "@/lib/auth/session";
import { describeOrigin } from "@/lib/argument/claim-origin";
import { getClaimDiscussion, listMergeTargets, RESPONSES_PER_PAGE, type ClaimDiscussion, type ResponseView } from "@/lib/debate/discussion";
import { formatDate } from "@/lib/format";
import { Alert } from "@/components/ui/alert";
import { canCurateClaims } from "@/lib/policy";
import { LiveDebate } from "@/components/live/live-debate";
import { ViewerScope } from "@/components/viewer/viewer-scope";
import { pageOverlay } from "@/lib/debate/page-overlay";
import { reasonExcerpt } from "@/lib/live/updates";
import { CurateClaim } from "./curate-claim";
import { ReportButton } from "./report-button";
import { ClaimVotes, FollowClaim, PostButtons } from "./debate-controls";
import { ColumnEmpty, LiveColumnCount, LiveStanding, NewResponses, type ColumnKey } from "./live-parts";
import { ResponseItem } from "./response-tree";
import { BridgedStanding } from "./bridged-standing";
import { PersonalCrux } from "./personal-crux";

const SORT_LABELS: Record<Sort, string> = { best: "Best", bridging: "Bridging", newest: "Newest", debated: "Most debated", controversial: "Controversial" };

/** The reasons as the page names them (lib/live/updates.ts, which live updates use too). */
function reasonsOf(discussion: ClaimDiscussion) {
  const named = (reason: { id: string; effect: number }) => {
    const response = discussion.byId.get(reason.id);
    return { id: reason.id, effect: reason.effect, excerpt: reasonExcerpt(response?.body ?? "", response?.deleted ?? false) };
  };
  return { standing: discussion.standing.value, raisedBy: discussion.standing.raisedBy.map(named), loweredBy: discussion.standing.loweredBy.map(named) };
}

/** What the reader chose: the order, and how many direct responses of each stance to show. */
export interface DiscussionState {
  sort: Sort;
  supporting?: number;
  opposing?: number;
}

export type DiscussionQuery = { sort?: string; supporting?: string; opposing?: string };

export function parseDiscussionState(query: DiscussionQuery): DiscussionState {
  const count = (value: string | undefined) => (value && /^\d{1,4}$/.test(value) ? Number(value) : undefined);
  return { sort: parseSort(query.sort), supporting: count(query.supporting), opposing: count(query.opposing) };
}

/** `path` (which may carry a query already) with the state's parameters; defaults are left out. */
export function discussionHref(path: string, state: DiscussionState) {
  const params = new URLSearchParams();
  if (state.sort !== "best") params.set("sort", state.sort);
  if (state.supporting) params.set("supporting", String(state.supporting));
  if (state.opposing) params.set("opposing", String(state.opposing));
  const query = params.toString();
  return query ? `${path}${path.includes("?") ? "&" : "?"}${query}` : path;
}

export async function ClaimDiscussionView({
  claimId,
  state,
  href,
  compact = false,
}: {
  claimId: string;
  state: DiscussionState;
  href: (state: DiscussionState) => string;
  compact?: boolean;
}) {
  // The viewer decides what the page shows (moderators see hidden items); a shared render has none, and
  // everything that is the person's own (votes, follows, controls) comes from their layer, in the browser.
  const user = await getCurrentUser();
  const { sort } = state;
  // Null when the viewer may not see the claim: missing, in a draft, or hidden (lib/policy/visibility.ts).
  const discussion = await getClaimDiscussion(claimId, { viewer: user, sort, shown: { supporting: state.supporting, opposing: state.opposing } });
  if (!discussion) return null;
  const { claim, article } = discussion;
  // A hidden claim (only moderators get here) is read, not argued, until moderators decide.
  const claimOpen = !claim.locked && !claim.hidden;
  const column = (title: string, key: ColumnKey, responses: ResponseView[]) => {
    const total = discussion.counts[key];
    const more = Math.min(total - responses.length, RESPONSES_PER_PAGE);
    return (
      <section aria-label={title} className="min-w-0 space-y-3">
        <h2 className="text-lg font-semibold">
          {title}{" "}
          <span className="text-sm font-normal text-muted">
            (<LiveColumnCount claimId={claim.id} column={key} initial={total} />)
          </span>
        </h2>
        <ul className="space-y-3">
          <NewResponses claimId={claim.id} parentId={null} stance={key === "supporting" ? "support" : "oppose"} claimOpen={claimOpen} />
          {responses.map((response) => (
            <ResponseItem key={response.id} response={response} claimId={claim.id} claimOpen={claimOpen} />
          ))}
        </ul>
        {responses.length ? null : (
          <ColumnEmpty claimId={claim.id} column={key} initial={total}>
            <p className="text-sm text-muted">No {title.toLowerCase()} responses yet.</p>
          </ColumnEmpty>
        )}
        {more > 0 ? (
          <Link href={href({ ...state, [key]: responses.length + more })} scroll={false} className="inline-block text-sm text-accent hover:underline">
            Show {more} more {title.toLowerCase()} ({(total - responses.length).toLocaleString("en")} not shown)
          </Link>
        ) : null}
      </section>
    );
  };
  const view = (
    <div className="space-y-8" data-testid="claim-discussion">
      <LiveDebate claimId={claim.id} />
      {!compact ? (
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href={`/articles/${article.slug}#claim-${claim.id}`} className="text-accent hover:underline">
            ← {article.title}
          </Link>
        </nav>
      ) : null}
      <header className="space-y-4">
        {compact ? (
          <h2 className="font-serif text-xl font-semibold leading-snug">{claim.text}</h2>
        ) : (
          <h1 className="font-serif text-2xl font-semibold leading-snug">{claim.text}</h1>
        )}
        <blockquote className="border-l-4 border-amber-400 pl-4 font-serif text-muted">
          …{claim.prefix}
          <mark className="bg-amber-100 text-ink">{claim.exact}</mark>
          {claim.suffix}…
        </blockquote>
        <p className="text-sm text-muted" data-testid="claim-origin">
          {describeOrigin(claim.origin, claim.raisedBy)}
          {claim.origin === "reader" ? ` on ${formatDate(claim.createdAt)}` : ""}
        </p>
        <div className="flex flex-wrap items-start gap-6">
          <ClaimVotes claimId={claim.id} agree={discussion.agree} disagree={discussion.disagree} closed={claim.hidden} />
          {!claim.hidden ? <FollowClaim claimId={claim.id} /> : null}
        </div>
        <section aria-label="Standing" className="space-y-3 rounded-lg border border-line bg-white p-4">
          <h2 className="font-semibold">Standing</h2>
          <LiveStanding claimId={claim.id} initial={reasonsOf(discussion)} />
        </section>
        <BridgedStanding
          bridging={discussion.bridging}
          byId={discussion.byId}
          voted={discussion.agree + discussion.disagree > 0 || [...discussion.byId.values()].some((response) => response.strong + response.weak > 0)}
        />
        <PersonalCrux claimId={claim.id} />
      </header>
      {claim.hidden ? <Alert tone="info">Hidden from readers while moderators review reports about this claim. You see it because you moderate.</Alert> : null}
      {claim.duplicateOfId ? (
        <Alert tone="info">
          Moderators marked this claim as a duplicate.{" "}
          <Link href={`/claims/${claim.duplicateOfId}`} className="underline">
            Continue the debate on the original
          </Link>
          .
        </Alert>
      ) : null}
      {claim.hidden ? null : claim.locked ? (
        <Alert tone="info">This debate is locked: it can be read and voted on, but takes no new responses.</Alert>
      ) : (
        <PostButtons claimId={claim.id} />
      )}
      {!claim.hidden ? <ReportButton claimId={claim.id} target={{ type: "claim", id: claim.id }} authorId={claim.raisedBy?.id ?? null} /> : null}
      {canCurateClaims(user) && !claim.hidden ? (
        <CurateClaim
          claim={{ id: claim.id, text: claim.text, origin: claim.origin, version: claim.moderationVersion, articleSlug: article.slug }}
          mergeTargets={await listMergeTargets(claim.articleId, claim.id)}
        />
      ) : null}
      <nav aria-label="Other views of this debate" className="flex flex-wrap gap-3 text-sm">
        <Link href={`/claims/${claim.id}/outline`} className="text-accent hover:underline">
          Outline of the whole debate
        </Link>
        <span className="text-muted">· Export:</span>
        <ExportLink href={`/api/claims/${claim.id}/export?format=argdown`}>Argdown</ExportLink>
        <ExportLink href={`/api/claims/${claim.id}/export?format=aif`}>AIF JSON</ExportLink>
        <ExportLink href={`/api/claims/${claim.id}/export?format=annotation`}>Web Annotation</ExportLink>
      </nav>
      <nav aria-label="Sort responses" className="flex flex-wrap gap-3 text-sm">
        <span className="text-muted">Sort by:</span>
        {SORTS.map((option) => (
          <Link
            key={option}
            href={href({ sort: option })}
            scroll={false}
            aria-current={option === sort ? "page" : undefined}
            className={option === sort ? "font-semibold" : "text-accent hover:underline"}
          >
            {SORT_LABELS[option]}
          </Link>
        ))}
      </nav>
      <div className={compact ? "space-y-6" : "grid gap-6 md:grid-cols-2"}>
        {column("Supporting", "supporting", discussion.supporting)}
        {column("Opposing", "opposing", discussion.opposing)}
      </div>
    </div>
  );
  // On its own page the view is the page; beside an article, the article page's scope covers it.
  return compact ? (
    view
  ) : (
    <ViewerScope articleId={claim.articleId} seed={await pageOverlay(claim.articleId)}>
      {view}
    </ViewerScope>
  );
}

export function parseSort(value: string | undefined): Sort {
  return SORTS.includes(value as Sort) ? (value as Sort) : "best";
}
