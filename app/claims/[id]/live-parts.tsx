"use client";
// The parts of a debate page that follow the live stream (components/live/live-store.ts): each shows the
// server's value until an update brings a newer one. New responses are drawn here, in the browser, with
// the same look as the server's (./response-tree.tsx).
import type { ReactNode } from "react";
import { useLayoutEffect } from "react";
import { Link } from "@/components/ui/link";
import { Markdown } from "@/components/markdown";
import { StandingBar } from "@/components/standing-bar";
import { markRendered, takeFocusIfWanted, useLiveClaim, useLiveResponse, useNewResponses, useReported } from "@/components/live/live-store";
import { isMeasurable, MIN_VOTES_FOR_STANDING, standingGrounds, voteCounts } from "@/lib/argument/grounds";
import { count } from "@/lib/format";
import type { LiveClaimState, LiveReason, LiveResponse } from "@/lib/live/updates";
import type { CitedSource } from "@/lib/debate/response-sources";
import { NeedsSourceBadge, SourceList } from "@/components/debate/sources";
import type { Stance } from "@/lib/vocabulary";
import { controlledResponse } from "./controlled-response";
import { ResponseControls } from "./debate-controls";
import { ResponseByline } from "./response-byline";
import { ResponseCard } from "./response-card";
import { ModerationPlaceholder } from "./moderation-placeholder";
import type { ModerationNotice } from "@/lib/moderation/notice";

export type ColumnKey = "supporting" | "opposing";

export function LiveColumnCount({ claimId, column, initial }: { claimId: string; column: ColumnKey; initial: number }) {
  const total = useLiveClaim(claimId)?.[column] ?? initial;
  return <>{total.toLocaleString("en")}</>;
}

/** "No … responses yet", until one arrives. */
export function ColumnEmpty({ claimId, column, initial, children }: { claimId: string; column: ColumnKey; initial: number; children: ReactNode }) {
  const total = useLiveClaim(claimId)?.[column] ?? initial;
  return total > 0 ? null : <>{children}</>;
}

function ReasonList({ reasons }: { reasons: LiveReason[] }) {
  return (
    <ul className="mt-1 space-y-1">
      {reasons.map((reason) => (
        <li key={reason.id}>
          <a href={`#response-${reason.id}`} className="hover:underline">
            “{reason.excerpt}”
          </a>{" "}
          <span className="whitespace-nowrap text-muted">
            ({reason.effect > 0 ? "+" : "−"}
            {count(Math.abs(Math.round(reason.effect * 100)), "point")})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** What the standing's lines read of the claim (the live stream brings newer values of the same). */
export type StandingFigures = Pick<LiveClaimState, "agree" | "disagree" | "standing" | "raisedBy" | "loweredBy">;

/**
 * Where the claim stands, in one line, and only with grounds (lib/argument/grounds.ts): "No votes yet",
 * "Too few votes to say (1 agree, 0 disagree)", or the standing in words with its figure and bar.
 */
export function LiveStandingSummary({ claimId, initial }: { claimId: string; initial: StandingFigures }) {
  const figures = useLiveClaim(claimId) ?? initial;
  const grounds = standingGrounds(figures);
  if (grounds.kind === "enough")
    return (
      <div className="min-w-[12rem] flex-1">
        <StandingBar value={figures.standing} compact />
      </div>
    );
  return (
    <p className="text-sm text-muted" data-testid="standing-label">
      {grounds.kind === "none" ? "No votes yet" : `Too few votes to say (${voteCounts(grounds)})`}
    </p>
  );
}

/** The arguments that move the standing by a point or more, once there is a standing to move. */
export function LiveStandingReasons({ claimId, initial }: { claimId: string; initial: StandingFigures }) {
  const figures = useLiveClaim(claimId) ?? initial;
  const raisedBy = figures.raisedBy.filter((reason) => isMeasurable(reason.effect));
  const loweredBy = figures.loweredBy.filter((reason) => isMeasurable(reason.effect));
  const grounds = standingGrounds(figures);
  if (grounds.kind !== "enough")
    return (
      <p className="text-muted">
        {grounds.kind === "none" ? "Nobody has voted on this claim yet." : `Only ${voteCounts(grounds)} so far.`} Its standing is shown once{" "}
        {count(MIN_VOTES_FOR_STANDING, "person has", "people have")} voted on it: with fewer, a figure would say more about chance than about the debate.
      </p>
    );
  if (!raisedBy.length && !loweredBy.length)
    return <p className="text-muted">No argument moves it by a point or more yet: it stands on the votes on the claim.</p>;
  return (
    <div className="grid gap-3 sm:grid-cols-2" data-testid="standing-reasons">
      <div>
        <h3 className="font-medium">Raised most by</h3>
        {raisedBy.length ? <ReasonList reasons={raisedBy} /> : <p className="text-muted">Nothing yet.</p>}
      </div>
      <div>
        <h3 className="font-medium">Lowered most by</h3>
        {loweredBy.length ? <ReasonList reasons={loweredBy} /> : <p className="text-muted">Nothing yet.</p>}
      </div>
    </div>
  );
}

/** In place of a response that readers no longer see (deleted without replies, or folded under a withheld one). */
function GoneResponse({ id }: { id: string }) {
  const reported = useReported(id);
  return (
    <li data-testid="response-gone" className="rounded-lg border border-dashed border-line p-3 text-sm text-muted" role="status">
      {reported ? (
        <>
          Reported. Thank you. It is hidden while moderators review it.{" "}
          <Link href="/reports" className="underline">
            See its status
          </Link>
          .
        </>
      ) : (
        "This response is no longer shown."
      )}
    </li>
  );
}

/**
 * A response the server drew: replaced by a short notice when readers no longer see it. Before the
 * browser paints it, a live copy of the same response goes (./live-store.ts markRendered), and it takes
 * focus if it is the person's own new response, redrawn by a refresh.
 */
export function LiveResponseFrame({ id, children }: { id: string; children: ReactNode }) {
  useLayoutEffect(() => {
    markRendered(id);
    takeFocusIfWanted(id);
  }, [id]);
  const live = useLiveResponse(id);
  const reported = useReported(id);
  if (live?.placeholder) return <ModerationPlaceholder id={id} notice={live.placeholder} reported={reported} />;
  return live && !live.present ? <GoneResponse id={id} /> : <>{children}</>;
}

/**
 * A placeholder the server drew where a response was hidden or removed. A live update may bring a newer
 * placeholder (hidden, then removed), take it away, or restore the response: then the restored response
 * arrives as new under its parent (this frame never marks it as drawn) and the placeholder goes.
 */
export function LivePlaceholderFrame({ id, notice }: { id: string; notice: Pick<ModerationNotice, "removed" | "rule" | "logHref"> }) {
  const live = useLiveResponse(id);
  const reported = useReported(id);
  if (live && !live.present) return <GoneResponse id={id} />;
  if (live && !live.placeholder) return null;
  return <ModerationPlaceholder id={id} notice={live?.placeholder ?? notice} reported={reported} />;
}

/** "edited", linking to the response's history, once it has been edited (and is not deleted). */
export function LiveEditedMark({ id, initial }: { id: string; initial: { editedAt: string | null; deleted: boolean } }) {
  const live = useLiveResponse(id);
  const editedAt = live?.editedAt !== undefined ? live.editedAt : initial.editedAt;
  if (!editedAt || live?.deleted || initial.deleted) return null;
  return (
    <Link href={`/responses/${id}/history`} className="hover:underline">
      edited
    </Link>
  );
}

/** The server's text until an edit or a deletion arrives. */
export function LiveResponseBody({ id, children }: { id: string; children: ReactNode }) {
  const live = useLiveResponse(id);
  if (live?.deleted) return <p className="italic text-muted">[deleted]</p>;
  if (live?.body !== undefined) return <Markdown text={live.body} />;
  return <>{children}</>;
}

/** The response's sources, as the server drew them until an edit brings new ones. */
export function LiveSources({ id, initial }: { id: string; initial: CitedSource[] }) {
  const live = useLiveResponse(id);
  if (live?.deleted) return null;
  return <SourceList sources={live?.sources ?? initial} />;
}

export function LiveSourceBadge({ id, initial }: { id: string; initial: { sourceRequests: number; sources: CitedSource[] } }) {
  const live = useLiveResponse(id);
  if (live?.deleted) return null;
  return <NeedsSourceBadge requests={live?.sourceRequests ?? initial.sourceRequests} sources={(live?.sources ?? initial.sources).length} />;
}

/** A response that arrived after the page was drawn, drawn like the server's (./response-card.tsx). */
function NewResponseItem({ response, claimOpen, depth }: { response: LiveResponse; claimOpen: boolean; depth: number }) {
  const live = useLiveResponse(response.id);
  useLayoutEffect(() => takeFocusIfWanted(response.id), [response.id]);
  const reported = useReported(response.id);
  if (live?.placeholder) return <ModerationPlaceholder id={response.id} notice={live.placeholder} reported={reported} />;
  if (live && !live.present) return <GoneResponse id={response.id} />;
  return (
    <ResponseCard
      id={response.id}
      fresh
      byline={
        <>
          <ResponseByline stance={response.stance} author={response.author} createdAt={new Date(response.createdAt)} />
          <LiveEditedMark id={response.id} initial={{ editedAt: null, deleted: false }} />
          <span className="rounded bg-sky-100 px-1 text-sky-900">new</span>
          <LiveSourceBadge id={response.id} initial={response} />
        </>
      }
      body={
        <LiveResponseBody id={response.id}>
          <Markdown text={response.body} />
        </LiveResponseBody>
      }
      sources={<LiveSources id={response.id} initial={response.sources} />}
      controls={
        <ResponseControls
          claimId={response.claimId}
          claimOpen={claimOpen}
          response={controlledResponse(response, { editedAt: null, deleted: false, withheld: false })}
        />
      }
    >
      {depth < 3 ? <NewResponses claimId={response.claimId} parentId={response.id} claimOpen={claimOpen} depth={depth + 1} asList /> : null}
    </ResponseCard>
  );
}

/**
 * Responses new to the page under `parentId` (null: the claim), newest first: list items for a list the
 * server drew, or (`asList`) a list of their own under a response that had no replies shown.
 */
export function NewResponses({
  claimId,
  parentId,
  stance,
  claimOpen,
  depth = 1,
  asList = false,
}: {
  claimId: string;
  parentId: string | null;
  stance?: Stance;
  claimOpen: boolean;
  depth?: number;
  asList?: boolean;
}) {
  const fresh = useNewResponses(claimId, parentId, stance);
  if (!fresh.length) return null;
  const items = fresh.map((response) => <NewResponseItem key={response.id} response={response} claimOpen={claimOpen} depth={depth} />);
  return asList ? <ul className="mt-3 space-y-3 border-l-2 border-line pl-3">{items}</ul> : <>{items}</>;
}
