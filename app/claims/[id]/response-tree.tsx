import Link from "next/link";
import { Markdown } from "@/components/markdown";
import type { ResponseView } from "@/lib/debate/discussion";
import { ResponseControls } from "./debate-controls";
import { LiveEditedMark, LiveResponseBody, LiveResponseFigures, LiveResponseFrame, LiveSourceBadge, LiveSources, NewResponses } from "./live-parts";
import { ReportButton } from "./report-button";
import { ResponseByline } from "./response-byline";

const VISIBLE_DEPTH = 3;

/** What the viewer sees in place of, or above, a response's text. */
function ResponseText({ response }: { response: ResponseView }) {
  if (response.deleted) return <p className="italic text-muted">[deleted]</p>;
  const notice = response.removed
    ? `Removed by a moderator: ${response.removalReason ?? "no reason given"}. Readers do not see it; you do because you wrote it or moderate.`
    : response.hidden
      ? "Hidden pending a moderator's review. Readers do not see it; you do because you wrote it or moderate. Editing it sends it back for review."
      : response.withheld
        ? "Readers do not see this: its claim, or a response above it, is hidden or removed. You see it because you moderate."
        : null;
  return (
    <>
      {notice ? <p className={`mb-2 rounded p-2 text-xs ${response.removed ? "bg-rose-50 text-rose-900" : "bg-amber-50 text-amber-900"}`}>{notice}</p> : null}
      <Markdown text={response.body} />
    </>
  );
}

/** One response as the server draws it, kept current by the live stream (./live-parts.tsx). */
export function ResponseItem({ response, claimId, claimOpen, depth = 1 }: { response: ResponseView; claimId: string; claimOpen: boolean; depth?: number }) {
  const hasReplies = response.replies > 0 || response.children.length > 0;
  const shownReplies = Math.max(response.replies, response.children.length);
  const byline = response.author?.name ?? "a deleted response";
  return (
    <LiveResponseFrame id={response.id}>
      <li id={`response-${response.id}`} data-testid="response" className="rounded-lg border border-line bg-white p-3">
        <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
          <ResponseByline stance={response.stance} author={response.author} createdAt={response.createdAt} />
          <LiveEditedMark id={response.id} initial={{ editedAt: response.editedAt?.toISOString() ?? null, deleted: response.deleted }} />
          <LiveResponseFigures id={response.id} initial={response} />
          {!response.deleted ? <LiveSourceBadge id={response.id} initial={response} /> : null}
        </div>
        <div className="mt-2 text-sm" data-testid="response-body">
          <LiveResponseBody id={response.id}>
            <ResponseText response={response} />
          </LiveResponseBody>
        </div>
        {!response.deleted ? <LiveSources id={response.id} initial={response.sources} /> : null}
        <ResponseControls
          claimId={claimId}
          claimOpen={claimOpen}
          response={{
            id: response.id,
            authorId: response.author?.id ?? null,
            body: response.body,
            editedAt: response.editedAt?.toISOString() ?? null,
            strong: response.strong,
            weak: response.weak,
            supporters: response.supporters,
            opposers: response.opposers,
            strength: response.strength,
            sources: response.sources,
            sourceRequests: response.sourceRequests,
            deleted: response.deleted || response.removed,
            withheld: response.withheld,
          }}
        />
        {response.author && !response.deleted && !response.withheld ? (
          <ReportButton claimId={claimId} target={{ type: "response", id: response.id }} authorId={response.author.id} />
        ) : null}
        {hasReplies ? (
          depth < VISIBLE_DEPTH && response.children.length > 0 ? (
            <>
              <ul className="mt-3 space-y-3 border-l-2 border-line pl-3" aria-label={`Responses to ${byline}`}>
                <NewResponses claimId={claimId} parentId={response.id} claimOpen={claimOpen} depth={depth + 1} />
                {response.children.map((child) => (
                  <ResponseItem key={child.id} response={child} claimId={claimId} claimOpen={claimOpen} depth={depth + 1} />
                ))}
              </ul>
              {shownReplies > response.children.length ? (
                <Link href={`/responses/${response.id}`} className="mt-2 inline-block text-sm text-accent hover:underline">
                  {shownReplies - response.children.length} more {shownReplies - response.children.length === 1 ? "reply" : "replies"} →
                </Link>
              ) : null}
            </>
          ) : (
            <Link href={`/responses/${response.id}`} className="mt-2 inline-block text-sm text-accent hover:underline">
              Continue this thread ({shownReplies} {shownReplies === 1 ? "response" : "responses"}) →
            </Link>
          )
        ) : depth < VISIBLE_DEPTH ? (
          <NewResponses claimId={claimId} parentId={response.id} claimOpen={claimOpen} depth={depth + 1} asList />
        ) : null}
      </li>
    </LiveResponseFrame>
  );
}
