"use client";
// The parts of a debate page that follow the live stream (components/live/live-store.ts): each shows the
// server's value until an update brings a newer one. New responses are drawn here, in the browser, with
// the same look as the server's (./response-tree.tsx).
import type { ReactNode } from "react";
import { useEffect } from "react";
import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { StandingBar } from "@/components/standing-bar";
import { markRendered, useLiveClaim, useLiveResponse, useNewResponses, useReported } from "@/components/live/live-store";
import type { LiveReason, LiveResponse } from "@/lib/live/updates";
import type { CitedSource } from "@/lib/debate/response-sources";
import { NeedsSourceBadge, SourceList } from "@/components/debate/sources";
import type { Stance } from "@/lib/vocabulary";
import { ResponseControls } from "./debate-controls";
import { ReportButton } from "./report-button";
import { ResponseByline } from "./response-byline";

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
          <span className="text-muted">
            ({reason.effect > 0 ? "+" : "−"}
            {Math.abs(Math.round(reason.effect * 100))} points)
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The claim's standing and what raises or lowers it most. */
export function LiveStanding({ claimId, initial }: { claimId: string; initial: { standing: number; raisedBy: LiveReason[]; loweredBy: LiveReason[] } }) {
  const { standing, raisedBy, loweredBy } = useLiveClaim(claimId) ?? initial;
  return (
    <>
      <StandingBar value={standing} />
      {!raisedBy.length && !loweredBy.length ? (
        <p className="text-sm text-muted">No responses move it yet: the standing reflects the votes on the claim alone.</p>
      ) : (
        <div className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <h3 className="font-medium">Raise it most</h3>
            {raisedBy.length ? <ReasonList reasons={raisedBy} /> : <p className="text-muted">Nothing yet.</p>}
          </div>
          <div>
            <h3 className="font-medium">Lower it most</h3>
            {loweredBy.length ? <ReasonList reasons={loweredBy} /> : <p className="text-muted">Nothing yet.</p>}
          </div>
        </div>
      )}
    </>
  );
}

/** In place of a response that readers no longer see (hidden, removed, or deleted without replies). */
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

/** A response the server drew: replaced by a short notice when readers no longer see it. */
export function LiveResponseFrame({ id, children }: { id: string; children: ReactNode }) {
  useEffect(() => markRendered(id), [id]);
  const live = useLiveResponse(id);
  return live && !live.present ? <GoneResponse id={id} /> : <>{children}</>;
}

export function LiveResponseFigures({ id, initial }: { id: string; initial: { supporters: number; opposers: number; strength: number } }) {
  const { supporters, opposers, strength } = useLiveResponse(id) ?? initial;
  return (
    <>
      <span>
        · {supporters} supporting, {opposers} opposing
      </span>
      <StandingBar value={strength} compact />
    </>
  );
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

/** A response that arrived after the page was drawn. */
function NewResponseItem({ response, claimOpen, depth }: { response: LiveResponse; claimOpen: boolean; depth: number }) {
  const live = useLiveResponse(response.id);
  if (live && !live.present) return <GoneResponse id={response.id} />;
  const figures = live ?? response;
  return (
    <li id={`response-${response.id}`} data-testid="response" data-live="new" className="rounded-lg border border-sky-300 bg-white p-3">
      <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
        <ResponseByline stance={response.stance} author={response.author} createdAt={new Date(response.createdAt)} />
        <LiveEditedMark id={response.id} initial={{ editedAt: null, deleted: false }} />
        <span className="rounded bg-sky-100 px-1 text-sky-900">new</span>
        <LiveResponseFigures id={response.id} initial={figures} />
        <LiveSourceBadge id={response.id} initial={response} />
      </div>
      <div className="mt-2 text-sm" data-testid="response-body">
        <LiveResponseBody id={response.id}>
          <Markdown text={response.body} />
        </LiveResponseBody>
      </div>
      <LiveSources id={response.id} initial={response.sources} />
      <ResponseControls
        claimId={response.claimId}
        claimOpen={claimOpen}
        response={{
          id: response.id,
          authorId: response.author?.id ?? null,
          body: response.body,
          editedAt: null,
          strong: response.strong,
          weak: response.weak,
          supporters: response.supporters,
          opposers: response.opposers,
          strength: response.strength,
          sources: response.sources,
          sourceRequests: response.sourceRequests,
          deleted: false,
          withheld: false,
        }}
      />
      <ReportButton claimId={response.claimId} target={{ type: "response", id: response.id }} authorId={response.author?.id ?? null} />
      {depth < 3 ? <NewResponses claimId={response.claimId} parentId={response.id} claimOpen={claimOpen} depth={depth + 1} asList /> : null}
    </li>
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
