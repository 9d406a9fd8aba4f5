import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { StandingBar } from "@/components/standing-bar";
import type { ResponseView } from "@/lib/data/discussion";
import { formatAge } from "@/lib/format-age";
import { ResponseControls } from "./debate-controls";
import { ReportButton } from "./report-button";

const VISIBLE_DEPTH = 3;

function StanceBadge({ stance }: { stance: "support" | "oppose" }) {
  return stance === "support" ? (
    <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900">✓ Supports</span>
  ) : (
    <span className="rounded bg-rose-100 px-1.5 py-0.5 text-xs font-medium text-rose-900">✗ Opposes</span>
  );
}

export function ResponseItem({ response, claimId, viewerId, viewerCanPost, depth = 1 }: { response: ResponseView; claimId: string; viewerId: string | null; viewerCanPost: boolean; depth?: number }) {
  return (
    <li id={`response-${response.id}`} data-testid="response" className="rounded-lg border border-line bg-white p-3">
      <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
        <StanceBadge stance={response.stance} />
        <Link href={`/users/${response.author.id}`} className="font-medium text-ink hover:underline">{response.author.name}</Link>
        <span>{formatAge(response.createdAt)}</span>
        {response.editedAt && !response.deleted ? (
          <Link href={`/responses/${response.id}/history`} className="hover:underline">edited</Link>
        ) : null}
        <span>· {response.supporters} supporting, {response.opposers} opposing</span>
        <StandingBar value={response.strength} compact />
      </div>
      <div className="mt-2 text-sm" data-testid="response-body">
        {response.deleted ? (
          <p className="italic text-muted">[deleted]</p>
        ) : response.body === "" && response.removed ? (
          <p className="italic text-muted">[removed by a moderator]</p>
        ) : response.body === "" && response.hidden ? (
          <p className="italic text-muted">[hidden pending a moderator&apos;s review]</p>
        ) : (
          <>
            {response.removed ? <p className="mb-2 rounded bg-rose-50 p-2 text-xs text-rose-900">Removed by a moderator: {response.removalReason}. Only you can see this text.</p> : null}
            {!response.removed && response.hidden ? <p className="mb-2 rounded bg-amber-50 p-2 text-xs text-amber-900">Hidden pending a moderator&apos;s review. Only you can see it; editing it sends it back for review.</p> : null}
            <Markdown text={response.body} />
          </>
        )}
      </div>
      <ResponseControls
        claimId={claimId}
        viewerId={viewerId}
        viewerCanPost={viewerCanPost}
        response={{
          id: response.id,
          authorId: response.author.id,
          body: response.body,
          editedAt: response.editedAt?.toISOString() ?? null,
          strong: response.strong,
          weak: response.weak,
          viewerVote: response.viewerVote,
          following: response.following,
          deleted: response.deleted || response.removed,
        }}
      />
      {viewerId && viewerId !== response.author.id && !response.deleted && !response.removed ? (
        <ReportButton claimId={claimId} target={{ type: "response", id: response.id }} />
      ) : null}
      {response.replies > 0 ? (
        depth < VISIBLE_DEPTH && response.children.length > 0 ? (
          <>
            <ul className="mt-3 space-y-3 border-l-2 border-line pl-3" aria-label={`Responses to ${response.author.name}`}>
              {response.children.map((child) => (
                <ResponseItem key={child.id} response={child} claimId={claimId} viewerId={viewerId} viewerCanPost={viewerCanPost} depth={depth + 1} />
              ))}
            </ul>
            {response.replies > response.children.length ? (
              <Link href={`/responses/${response.id}`} className="mt-2 inline-block text-sm text-accent hover:underline">
                {response.replies - response.children.length} more {response.replies - response.children.length === 1 ? "reply" : "replies"} →
              </Link>
            ) : null}
          </>
        ) : (
          <Link href={`/responses/${response.id}`} className="mt-2 inline-block text-sm text-accent hover:underline">
            Continue this thread ({response.replies} {response.replies === 1 ? "response" : "responses"}) →
          </Link>
        )
      ) : null}
    </li>
  );
}
