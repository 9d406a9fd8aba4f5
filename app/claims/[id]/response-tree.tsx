import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { Markdown } from "@/components/markdown";
import type { ResponseView } from "@/lib/debate/discussion";
import { count } from "@/lib/format";
import { controlledResponse } from "./controlled-response";
import { ResponseControls } from "./debate-controls";
import { LiveEditedMark, LivePlaceholderFrame, LiveResponseBody, LiveResponseFrame, LiveSourceBadge, LiveSources, NewResponses } from "./live-parts";
import { ResponseByline } from "./response-byline";
import { ResponseCard } from "./response-card";

const VISIBLE_DEPTH = 3;

/** Why readers do not see it, for its author and moderators: the rule, the note and the log entry. */
function withheldNotice(response: ResponseView): ReactNode {
  const notice = response.moderation;
  const rule = notice?.rule ? ` under “${notice.rule}”` : "";
  const note = notice?.note ? ` Note: ${notice.note}` : "";
  const readers = "Readers see a note in its place; you see it because you wrote it or moderate.";
  const log = notice?.logHref ? (
    <>
      {" "}
      <Link href={notice.logHref} className="underline">
        Log entry
      </Link>
    </>
  ) : null;
  if (response.removed)
    return (
      <>
        Removed by a moderator{rule}.{note} {readers}
        {log}
      </>
    );
  if (response.hidden)
    return (
      <>
        Hidden pending a moderator&apos;s review{rule}.{note} {readers} Editing it sends it back for review.{log}
      </>
    );
  if (response.withheld) return "Readers do not see this: its claim, or a response above it, is hidden or removed. You see it because you moderate.";
  return null;
}

/** What the viewer sees in place of, or above, a response's text. */
function ResponseText({ response }: { response: ResponseView }) {
  if (response.deleted) return <p className="italic text-muted">[deleted]</p>;
  const notice = response.withheld ? withheldNotice(response) : null;
  return (
    <>
      {notice ? (
        <p className={`mb-2 rounded p-2 text-xs ${response.removed ? "bg-rose-50 text-rose-900" : "bg-amber-50 text-amber-900"}`} data-testid="withheld-notice">
          {notice}
        </p>
      ) : null}
      <Markdown text={response.body} />
    </>
  );
}

/** One response as the server draws it, kept current by the live stream (./live-parts.tsx). */
export function ResponseItem({ response, claimId, claimOpen, depth = 1 }: { response: ResponseView; claimId: string; claimOpen: boolean; depth?: number }) {
  if (response.placeholder) return <LivePlaceholderFrame id={response.id} notice={response.moderation!} />;
  const hasReplies = response.replies > 0 || response.children.length > 0;
  const shownReplies = Math.max(response.replies, response.children.length);
  const byline = response.author?.name ?? "a deleted response";
  const hidden = shownReplies - response.children.length;
  return (
    <LiveResponseFrame id={response.id}>
      <ResponseCard
        id={response.id}
        byline={
          <>
            <ResponseByline stance={response.stance} author={response.author} createdAt={response.createdAt} />
            <LiveEditedMark id={response.id} initial={{ editedAt: response.editedAt?.toISOString() ?? null, deleted: response.deleted }} />
            {!response.deleted ? <LiveSourceBadge id={response.id} initial={response} /> : null}
          </>
        }
        body={
          <LiveResponseBody id={response.id}>
            <ResponseText response={response} />
          </LiveResponseBody>
        }
        sources={!response.deleted ? <LiveSources id={response.id} initial={response.sources} /> : null}
        controls={
          <ResponseControls
            claimId={claimId}
            claimOpen={claimOpen}
            response={controlledResponse(response, {
              editedAt: response.editedAt?.toISOString() ?? null,
              deleted: response.deleted || response.removed,
              withheld: response.withheld,
            })}
          />
        }
      >
        {hasReplies ? (
          depth < VISIBLE_DEPTH && response.children.length > 0 ? (
            <>
              <ul className="mt-3 space-y-3 border-l-2 border-line pl-3" aria-label={`Responses to ${byline}`}>
                <NewResponses claimId={claimId} parentId={response.id} claimOpen={claimOpen} depth={depth + 1} />
                {response.children.map((child) => (
                  <ResponseItem key={child.id} response={child} claimId={claimId} claimOpen={claimOpen} depth={depth + 1} />
                ))}
              </ul>
              {hidden > 0 ? (
                <Link href={`/responses/${response.id}`} className="mt-2 inline-block text-sm text-accent hover:underline">
                  {count(hidden, "more reply", "more replies")} →
                </Link>
              ) : null}
            </>
          ) : (
            <Link href={`/responses/${response.id}`} className="mt-2 inline-block text-sm text-accent hover:underline">
              Continue this thread ({count(shownReplies, "response")}) →
            </Link>
          )
        ) : depth < VISIBLE_DEPTH ? (
          <NewResponses claimId={claimId} parentId={response.id} claimOpen={claimOpen} depth={depth + 1} asList />
        ) : null}
      </ResponseCard>
    </LiveResponseFrame>
  );
}
