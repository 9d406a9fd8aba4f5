"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/use-server-action";
import type { SiteRuleView } from "@/lib/moderation/rules";
import { RulePicker } from "./rule-picker";
import { moderateAction, sanctionAction } from "./actions";

type Target = { type: "claim" | "response"; id: string };

export function QueueItemActions({
  target,
  version,
  hidden,
  claimText,
  authorId,
  itemName,
  aboutYou = false,
  soleModerator = false,
  rules,
}: {
  /** The site's rules in force: every decision cites one (lib/moderation/rules.ts). */
  rules: SiteRuleView[];
  /** What the actions act on ("the response by Ada"): every item's buttons read apart to a screen reader. */
  itemName: string;
  target: Target;
  version: number;
  hidden: boolean;
  claimText?: string;
  authorId?: string;
  /** The item is the moderator's own content (lib/moderation/recusal.ts). */
  aboutYou?: boolean;
  /** Nobody else moderates this site. */
  soleModerator?: boolean;
}) {
  const { pending, error, run } = useServerAction();
  const [soleConfirmed, setSoleConfirmed] = useState(false);
  // Never chosen for the moderator (not even the reports' rule): citing one is their decision.
  const [ruleId, setRuleId] = useState("");
  const [note, setNote] = useState("");
  const cited = { ruleId: ruleId || null, note: note.trim() || null };
  const [duplicateOf, setDuplicateOf] = useState("");
  const [text, setText] = useState(claimText ?? "");
  const act = (action: string, extra: { duplicateOfId?: string | null; text?: string | null } = {}) =>
    run(() =>
      moderateAction({
        target,
        action,
        version,
        ...cited,
        duplicateOfId: extra.duplicateOfId ?? null,
        text: extra.text ?? null,
        soleModeratorConfirmed: aboutYou && soleConfirmed,
      }),
    );
  if (aboutYou && !soleModerator) {
    return (
      <p className="rounded border border-line bg-paper p-2 text-sm" data-testid="about-you">
        <strong>About you</strong> — another moderator must decide.
      </p>
    );
  }
  return (
    <div className="space-y-2" role="group" aria-label={`Decide on ${itemName}`}>
      {aboutYou ? (
        <label className="flex items-start gap-2 rounded border border-line bg-paper p-2 text-sm" data-testid="about-you">
          <input type="checkbox" className="mt-1" checked={soleConfirmed} onChange={(event) => setSoleConfirmed(event.target.checked)} />
          <span>
            <strong>About you.</strong> I am the only moderator, so I decide it myself (the public log will say so).
          </span>
        </label>
      ) : null}
      <RulePicker idPrefix={`${target.type}-${target.id}`} rules={rules} ruleId={ruleId} onRule={setRuleId} note={note} onNote={setNote} />
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={pending} onClick={() => act("dismiss")}>
          Dismiss reports
        </Button>
        {hidden ? (
          <Button variant="secondary" disabled={pending} onClick={() => act("restore")}>
            Restore
          </Button>
        ) : (
          <Button variant="secondary" disabled={pending} onClick={() => act("hide")}>
            Hide
          </Button>
        )}
        <Button variant="secondary" disabled={pending} onClick={() => act("remove")}>
          Remove
        </Button>
        {target.type === "claim" ? (
          <>
            <Button variant="secondary" disabled={pending} onClick={() => act("lock")}>
              Lock
            </Button>
            <input
              aria-label="Original claim id"
              value={duplicateOf}
              onChange={(event) => setDuplicateOf(event.target.value)}
              placeholder="original claim id"
              className="rounded border border-line px-2 py-1 text-sm"
            />
            <Button variant="secondary" disabled={pending || !duplicateOf} onClick={() => act("duplicate", { duplicateOfId: duplicateOf.trim() })}>
              Mark duplicate
            </Button>
          </>
        ) : null}
      </div>
      {target.type === "claim" ? (
        <div className="flex gap-2">
          <input
            aria-label="Claim's display text"
            value={text}
            onChange={(event) => setText(event.target.value)}
            className="w-full rounded border border-line px-2 py-1 text-sm"
          />
          <Button variant="secondary" disabled={pending} onClick={() => act("edit_claim", { text })}>
            Save text
          </Button>
        </div>
      ) : null}
      {authorId ? (
        <div className="flex flex-wrap gap-2 text-sm">
          <span className="text-muted">Author:</span>
          <Button variant="link" disabled={pending} onClick={() => run(() => sanctionAction({ userId: authorId, kind: "silence", ...cited, days: 7 }))}>
            Silence 7 days
          </Button>
          <Button variant="link" disabled={pending} onClick={() => run(() => sanctionAction({ userId: authorId, kind: "suspend", ...cited, days: 7 }))}>
            Suspend 7 days
          </Button>
          <Button variant="link" disabled={pending} onClick={() => run(() => sanctionAction({ userId: authorId, kind: "ban", ...cited }))}>
            Ban
          </Button>
        </div>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
