// A response's sources as readers see them: each a link named by its site, with the words it quotes,
// and the "Needs a source" badge readers put on an uncited response. No hooks: the server's render and
// the live parts (app/claims/[id]/live-parts.tsx) draw the same thing.
import type { CitedSource } from "@/lib/debate/response-sources";

/** The site a source is on, as readers recognise it ("nato.int"). Kept here as well as in lib/debate so this file stays client-safe. */
function hostOf(url: string) {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

export function SourceList({ sources }: { sources: CitedSource[] }) {
  if (!sources.length) return null;
  return (
    <div className="mt-2 text-xs" data-testid="sources">
      <p className="font-medium text-muted">Sources</p>
      <ol className="mt-1 list-decimal space-y-1 pl-5">
        {sources.map((source, index) => (
          <li key={`${index}-${source.url}`}>
            <a href={source.url} rel="nofollow ugc noopener noreferrer" target="_blank" className="text-accent underline" title={source.url}>
              {hostOf(source.url)}
            </a>
            {source.quote ? <q className="ml-1 italic text-ink">{source.quote}</q> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Shown while readers ask for a source and the response cites none. */
export function NeedsSourceBadge({ requests, sources }: { requests: number; sources: number }) {
  if (requests < 1 || sources > 0) return null;
  return (
    <span
      className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900"
      data-testid="needs-source"
      title="Readers asked for a source for what this response states."
    >
      Needs a source · {requests}
    </span>
  );
}
