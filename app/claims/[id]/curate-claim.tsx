"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/use-server-action";
import type { ClaimOrigin } from "@/lib/generated/prisma/enums";
import { curateClaimAction } from "./actions";

interface Props {
  claim: { id: string; text: string; origin: ClaimOrigin; version: number; articleSlug: string };
  mergeTargets: { id: string; text: string }[];
}

/** Editors' tools for a claim of a published article (lib/debate/curate-claim.ts); every change is logged. */
export function CurateClaim({ claim, mergeTargets }: Props) {
  const router = useRouter();
  const { pending, error, run } = useServerAction();
  const [text, setText] = useState(claim.text);
  const [into, setInto] = useState("");
  const [reason, setReason] = useState("");
  const base = { claimId: claim.id, version: claim.version };
  return (
    <details className="rounded-lg border border-line bg-white p-4 text-sm" data-testid="curate-claim">
      <summary className="cursor-pointer font-semibold">Editor tools for this claim</summary>
      <div className="mt-3 space-y-4">
        {claim.origin === "reader" ? (
          <div className="space-y-1">
            <p className="text-muted">A reader raised this claim. Accept it to make it one of the article’s own claims; its raiser stays named.</p>
            <Button variant="secondary" disabled={pending} onClick={() => run(() => curateClaimAction({ action: "accept", ...base }))}>
              Accept as an editor’s claim
            </Button>
          </div>
        ) : null}
        <div className="space-y-1">
          <label className="block font-medium" htmlFor={`reword-${claim.id}`}>
            Wording shown to readers
          </label>
          <div className="flex gap-2">
            <input
              id={`reword-${claim.id}`}
              value={text}
              onChange={(event) => setText(event.target.value)}
              maxLength={600}
              className="w-full rounded border border-line px-2 py-1"
            />
            <Button
              variant="secondary"
              disabled={pending || text.trim() === claim.text}
              onClick={() => run(() => curateClaimAction({ action: "reword", ...base, text }))}
            >
              Reword
            </Button>
          </div>
        </div>
        <div className="space-y-1">
          <label className="block font-medium" htmlFor={`merge-${claim.id}`}>
            Merge into another claim of this article (its responses, votes and follows move there)
          </label>
          <div className="flex gap-2">
            <select
              id={`merge-${claim.id}`}
              value={into}
              onChange={(event) => setInto(event.target.value)}
              className="w-full rounded border border-line px-2 py-1"
            >
              <option value="">Choose a claim…</option>
              {mergeTargets.map((target) => (
                <option key={target.id} value={target.id}>
                  {target.text.length > 110 ? `${target.text.slice(0, 110)}…` : target.text}
                </option>
              ))}
            </select>
            <Button
              variant="secondary"
              disabled={pending || !into}
              onClick={() =>
                run(
                  () => curateClaimAction({ action: "merge", ...base, intoClaimId: into }),
                  () => router.push(`/claims/${into}`),
                )
              }
            >
              Merge
            </Button>
          </div>
        </div>
        <div className="space-y-1">
          <label className="block font-medium" htmlFor={`remove-${claim.id}`}>
            Reason for removing (public, in the moderation log)
          </label>
          <div className="flex gap-2">
            <input
              id={`remove-${claim.id}`}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              maxLength={500}
              className="w-full rounded border border-line px-2 py-1"
            />
            <Button
              variant="secondary"
              disabled={pending || !reason.trim()}
              onClick={() =>
                run(
                  () => curateClaimAction({ action: "remove", ...base, reason }),
                  () => router.push(`/articles/${claim.articleSlug}`),
                )
              }
            >
              Remove
            </Button>
          </div>
        </div>
        {error ? <Alert>{error}</Alert> : null}
      </div>
    </details>
  );
}
