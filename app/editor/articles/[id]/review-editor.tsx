"use client";

import type { ClaimOrigin } from "@/lib/generated/prisma/enums";
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { segmentBlock } from "@/components/article-body";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/use-server-action";
import type { BodyBlock } from "@/lib/ingest";
import { canMerge } from "@/lib/ingest/spans";
import {
  addClaimAction,
  declineSubmissionAction,
  dismissClaimAction,
  mergeClaimsAction,
  publishArticleAction,
  rewordClaimAction,
  splitClaimAction,
} from "./actions";

export interface ReviewClaim {
  id: string;
  start: number;
  end: number;
  text: string;
  exact: string;
  score: number | null;
  origin: ClaimOrigin;
}

interface Props {
  article: { id: string; slug: string; title: string; status: "draft" | "published"; body: string; blocks: BodyBlock[] };
  claims: ReviewClaim[];
  /** A reader submitted it (lib/submissions): editors may decline it with a reason. */
  submitted?: boolean;
}

/** Absolute body offset of a point in the rendered text (every text run carries its start offset). */
function bodyOffset(node: Node | null, offset: number): number | null {
  const element = node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element | null);
  const run = element?.closest<HTMLElement>("[data-offset]");
  if (!run) return null;
  return Number(run.dataset.offset) + (node?.nodeType === Node.TEXT_NODE ? offset : 0);
}

function currentSelection(): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = bodyOffset(range.startContainer, range.startOffset);
  const end = bodyOffset(range.endContainer, range.endOffset);
  return start === null || end === null ? null : { start: Math.min(start, end), end: Math.max(start, end) };
}

export function ReviewEditor({ article, claims, submitted = false }: Props) {
  const router = useRouter();
  const { pending, error, run } = useServerAction();
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const [rewording, setRewording] = useState<{ id: string; text: string } | null>(null);
  const [declining, setDeclining] = useState<string | null>(null);

  useEffect(() => {
    const update = () => setSelection(currentSelection());
    document.addEventListener("selectionchange", update);
    return () => document.removeEventListener("selectionchange", update);
  }, []);

  const articleId = article.id;
  const selectedText = selection && selection.end > selection.start ? article.body.slice(selection.start, selection.end) : "";
  const caret = selection && selection.start === selection.end ? selection.start : null;

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <section aria-label="Article text" className="min-w-0">
        <p className="mb-4 text-sm text-muted">
          Select words and choose <strong>Mark as claim</strong>. To split a claim, click inside it where it should break, then choose{" "}
          <strong>Split here</strong>.
        </p>
        <div className="sticky top-0 z-10 mb-4 flex min-h-10 items-center gap-3 rounded-md border border-line bg-white/95 px-3 py-2 text-sm">
          {selectedText.trim() ? (
            <>
              <span className="truncate text-muted">
                “{selectedText.trim().slice(0, 80)}
                {selectedText.length > 80 ? "…" : ""}”
              </span>
              <Button
                disabled={pending}
                onClick={() =>
                  run(
                    () => addClaimAction({ articleId, ...selection! }),
                    () => window.getSelection()?.removeAllRanges(),
                  )
                }
              >
                Mark as claim
              </Button>
            </>
          ) : (
            <span className="text-muted">{claims.length} claims marked. Select text to add one.</span>
          )}
        </div>
        <div className="font-serif text-lg leading-relaxed" data-testid="review-body">
          {article.blocks.map((block) =>
            block.kind === "heading" ? (
              <h2 key={block.start} className="mb-3 mt-8 font-sans text-xl font-semibold" data-offset={block.start}>
                {article.body.slice(block.start, block.end)}
              </h2>
            ) : (
              <p key={block.start} className="mb-5">
                {segmentBlock(article.body, block, claims).map((segment, index) =>
                  segment.claim ? (
                    <mark
                      key={index}
                      data-offset={segment.start}
                      data-testid="review-claim"
                      data-claim-id={segment.claim.id}
                      className="rounded-sm bg-amber-100 px-0.5 underline decoration-amber-500 decoration-2 underline-offset-4"
                    >
                      {segment.text}
                    </mark>
                  ) : (
                    <span key={index} data-offset={segment.start}>
                      {segment.text}
                    </span>
                  ),
                )}
              </p>
            ),
          )}
        </div>
      </section>

      <aside aria-label="Claims" className="space-y-4">
        <div className="space-y-2 rounded-lg border border-line bg-white p-4">
          <p className="text-sm">
            Status: <strong>{article.status === "draft" ? "Draft — only editors can see it" : "Published"}</strong>
          </p>
          {article.status === "draft" ? (
            <p className="text-xs text-muted">
              The claim detector learns from this review: what you dismiss, reword, merge or add, and the claims you publish unchanged.
            </p>
          ) : null}
          {article.status === "draft" ? (
            <Button
              disabled={pending}
              className="w-full"
              onClick={() =>
                run(
                  () => publishArticleAction({ articleId }),
                  (data) => router.push(data.url),
                )
              }
            >
              Publish article
            </Button>
          ) : null}
          {article.status === "draft" && submitted ? (
            declining === null ? (
              <Button variant="secondary" className="w-full" disabled={pending} onClick={() => setDeclining("")}>
                Decline…
              </Button>
            ) : (
              <form
                className="space-y-2"
                onSubmit={(event) => {
                  event.preventDefault();
                  run(
                    () => declineSubmissionAction({ articleId, reason: declining }),
                    (data) => router.push(data.url),
                  );
                }}
              >
                <label className="block text-sm" htmlFor="decline-reason">
                  Why not (the reader sees this)
                  <textarea
                    id="decline-reason"
                    value={declining}
                    onChange={(event) => setDeclining(event.target.value)}
                    rows={2}
                    maxLength={500}
                    className="mt-1 w-full rounded border border-line px-2 py-1"
                  />
                </label>
                <Button type="submit" variant="secondary" className="w-full" disabled={pending}>
                  Decline submission
                </Button>
              </form>
            )
          ) : null}
          {article.status === "draft" ? null : (
            <Link href={`/articles/${article.slug}`} className="text-accent hover:underline">
              View the published article
            </Link>
          )}
        </div>
        {error ? <Alert>{error}</Alert> : null}
        <ol className="space-y-3" aria-label="Claims in reading order">
          {claims.map((claim, index) => {
            const next = claims[index + 1];
            const caretInside = caret !== null && caret > claim.start && caret < claim.end;
            return (
              <li key={claim.id} className="rounded-lg border border-line bg-white p-3 text-sm" data-testid="claim-card">
                {rewording?.id === claim.id ? (
                  <form
                    onSubmit={(event) => {
                      event.preventDefault();
                      run(
                        () => rewordClaimAction({ articleId, claimId: claim.id, text: rewording.text }),
                        () => setRewording(null),
                      );
                    }}
                    className="space-y-2"
                  >
                    <label className="block font-medium" htmlFor={`reword-${claim.id}`}>
                      Claim as readers see it
                    </label>
                    <textarea
                      id={`reword-${claim.id}`}
                      rows={4}
                      className="w-full rounded-md border border-line p-2"
                      value={rewording.text}
                      onChange={(event) => setRewording({ id: claim.id, text: event.target.value })}
                    />
                    <div className="flex gap-2">
                      <Button type="submit" disabled={pending}>
                        Save wording
                      </Button>
                      <Button variant="secondary" onClick={() => setRewording(null)}>
                        Cancel
                      </Button>
                    </div>
                  </form>
                ) : (
                  <>
                    <p className="font-serif">{claim.text}</p>
                    {claim.text !== claim.exact ? <p className="mt-1 text-xs text-muted">Quote: “{claim.exact}”</p> : null}
                    <p className="mt-1 text-xs text-muted">
                      {claim.origin === "pipeline"
                        ? `Detected (score ${claim.score?.toFixed(2)})`
                        : claim.origin === "editor"
                          ? "Marked by an editor"
                          : "Raised by a reader"}
                    </p>
                    <div className="mt-2 flex flex-wrap gap-2">
                      <Button variant="secondary" disabled={pending} onClick={() => setRewording({ id: claim.id, text: claim.text })}>
                        Reword
                      </Button>
                      {caretInside ? (
                        <Button
                          variant="secondary"
                          disabled={pending}
                          onClick={() => run(() => splitClaimAction({ articleId, claimId: claim.id, at: caret! }))}
                        >
                          Split here
                        </Button>
                      ) : null}
                      {next && canMerge(article.body, claim, next) ? (
                        <Button
                          variant="secondary"
                          disabled={pending}
                          onClick={() => run(() => mergeClaimsAction({ articleId, firstId: claim.id, secondId: next.id }))}
                        >
                          Merge with next
                        </Button>
                      ) : null}
                      <Button variant="secondary" disabled={pending} onClick={() => run(() => dismissClaimAction({ articleId, claimId: claim.id }))}>
                        Dismiss
                      </Button>
                    </div>
                  </>
                )}
              </li>
            );
          })}
        </ol>
      </aside>
    </div>
  );
}
