import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { StandingBar } from "@/components/standing-bar";
import type { ResponseView } from "@/lib/data/debate";
import { formatAge } from "@/lib/format-age";
import { ResponseControls } from "./debate-controls";

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
        {response.deleted ? <p className="italic text-muted">[deleted]</p> : <Markdown text={response.body} />}
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
          deleted: response.deleted,
        }}
      />
      {response.children.length > 0 ? (
        depth < VISIBLE_DEPTH ? (
          <ul className="mt-3 space-y-3 border-l-2 border-line pl-3" aria-label={`Responses to ${response.author.name}`}>
            {response.children.map((child) => (
              <ResponseItem key={child.id} response={child} claimId={claimId} viewerId={viewerId} viewerCanPost={viewerCanPost} depth={depth + 1} />
            ))}
          </ul>
        ) : (
          <Link href={`/responses/${response.id}`} className="mt-2 inline-block text-sm text-accent hover:underline">
            Continue this thread ({response.children.length} {response.children.length === 1 ? "response" : "responses"}) →
          </Link>
        )
      ) : null}
    </li>
  );
}
