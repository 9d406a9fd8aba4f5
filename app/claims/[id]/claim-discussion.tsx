// A claim's debate: the claim in context, votes, where it stands (in one line, the reasons folded away),
// then the two sides, which start on the first screen. Shown as its own page (/claims/[id]) and beside
// the article on wide screens (`compact`: the sides are tabs there).
import { Link } from "@/components/ui/link";
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
import { ClaimActions } from "./claim-actions";
import { AddArgument, ClaimVotes, PostingNotice } from "./debate-controls";
import { ColumnEmpty, LiveColumnCount, LiveStandingReasons, LiveStandingSummary, NewResponses, type ColumnKey } from "./live-parts";
import { Sides } from "./sides";
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
  const figures = { agree: discussion.agree, disagree: discussion.disagree, ...reasonsOf(discussion) };
  const column = (title: string, key: ColumnKey, responses: ResponseView[]) => {
    const total = discussion.counts[key];
    const more = Math.min(total - responses.length, RESPONSES_PER_PAGE);
    const stance = key === "supporting" ? "support" : "oppose";
    return (
      <section aria-label={title} className="min-w-0 space-y-3">
        <h2 className={`text-lg font-semibold ${compact ? "sr-only" : "max-md:sr-only"}`}>
          {title}{" "}
          <span className="text-sm font-normal text-muted">
            (<LiveColumnCount claimId={claim.id} column={key} initial={total} />)
          </span>
        </h2>
        {claimOpen ? <AddArgument claimId={claim.id} stance={stance} /> : null}
        <ul className="space-y-3">
          <NewResponses claimId={claim.id} parentId={null} stance={stance} claimOpen={claimOpen} />
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
  const sortLinks = SORTS.map((option) => ({ label: SORT_LABELS[option], href: href({ sort: option }), current: option === sort }));
  const view = (
    <div className="space-y-5" data-testid="claim-discussion">
      <LiveDebate claimId={claim.id} />
      {!compact ? (
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href={`/articles/${article.slug}#claim-${claim.id}`} className="text-accent hover:underline">
            ← {article.title}
          </Link>
        </nav>
      ) : null}
      <header className="space-y-3">
        {compact ? (
          <h2 data-panel-heading tabIndex={-1} className="font-serif text-xl font-semibold leading-snug focus:outline-none">
            {claim.text}
          </h2>
        ) : (
          <h1 className="font-serif text-2xl font-semibold leading-snug sm:text-3xl">{claim.text}</h1>
        )}
        <blockquote className={`border-l-4 border-amber-400 pl-3 font-serif text-sm text-muted ${compact ? "line-clamp-2" : ""}`}>
          …{claim.prefix}
          <mark className="bg-amber-100 text-ink">{claim.exact}</mark>
          {claim.suffix}…
        </blockquote>
        <p className="text-xs text-muted" data-testid="claim-origin">
          {describeOrigin(claim.origin, claim.raisedBy)}
          {claim.origin === "reader" ? ` on ${formatDate(claim.createdAt)}` : ""}
        </p>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <ClaimVotes claimId={claim.id} agree={discussion.agree} disagree={discussion.disagree} closed={claim.hidden} />
          {compact ? null : <LiveStandingSummary claimId={claim.id} initial={figures} />}
          <div className="ml-auto flex items-center">
            <ClaimActions claimId={claim.id} raiserId={claim.origin === "reader" ? (claim.raisedBy?.id ?? null) : null} hidden={claim.hidden} />
          </div>
        </div>
        {/* In the narrow panel the standing has a line of its own. */}
        {compact ? <LiveStandingSummary claimId={claim.id} initial={figures} /> : null}
        <details className="group rounded-lg border border-line bg-white text-sm" data-testid="how-it-stands">
          <summary className="cursor-pointer list-none px-3 py-2 font-medium text-accent marker:hidden">
            <span aria-hidden="true" className="mr-1 inline-block transition-transform group-open:rotate-90">
              ›
            </span>
            How this claim stands, and why
          </summary>
          <div className="space-y-3 px-3 pb-3">
            <section aria-label="Standing" className="space-y-2">
              <h3 className="font-semibold">Standing</h3>
              <LiveStandingReasons claimId={claim.id} initial={figures} />
            </section>
            <BridgedStanding
              bridging={discussion.bridging}
              byId={discussion.byId}
              voted={discussion.agree + discussion.disagree > 0 || [...discussion.byId.values()].some((response) => response.strong + response.weak > 0)}
            />
            <PersonalCrux claimId={claim.id} />
          </div>
        </details>
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
        <PostingNotice />
      )}
      <Sides
        claimId={claim.id}
        counts={discussion.counts}
        compact={compact}
        sortLinks={sortLinks}
        supporting={column("Supporting", "supporting", discussion.supporting)}
        opposing={column("Opposing", "opposing", discussion.opposing)}
      />
      {canCurateClaims(user) && !claim.hidden ? (
        <CurateClaim
          claim={{ id: claim.id, text: claim.text, origin: claim.origin, version: claim.moderationVersion, articleSlug: article.slug }}
          mergeTargets={await listMergeTargets(claim.articleId, claim.id)}
        />
      ) : null}
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
