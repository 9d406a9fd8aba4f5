// The line above a response's text: its stance, its author and its age. Drawn by the server
// (./response-tree.tsx) and, for responses that arrive live, in the browser (./live-parts.tsx).
import { Link } from "@/components/ui/link";
import { formatAge } from "@/lib/format-age";
import type { Stance } from "@/lib/vocabulary";

function StanceBadge({ stance }: { stance: Stance }) {
  return stance === "support" ? (
    <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900">✓ Supports</span>
  ) : (
    <span className="rounded bg-rose-100 px-1.5 py-0.5 text-xs font-medium text-rose-900">✗ Opposes</span>
  );
}

export function ResponseByline({ stance, author, createdAt }: { stance: Stance; author: { id: string; name: string } | null; createdAt: Date }) {
  return (
    <>
      <StanceBadge stance={stance} />
      {author ? (
        <Link href={`/users/${author.id}`} className="font-medium text-ink hover:underline">
          {author.name}
        </Link>
      ) : null}
      <span>{formatAge(createdAt)}</span>
    </>
  );
}
