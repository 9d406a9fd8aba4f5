"use client";

import { Link } from "@/components/ui/link";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/use-server-action";
import { markReported } from "@/components/live/live-store";
import type { SiteRuleView } from "@/lib/moderation/rules";
import { reportAction, reportRulesAction } from "./actions";

/** The choice that is not a rule: a claim that repeats another claim. */
const REPEATS = "repeats";
/** Accepts a claim's URL or id for "duplicate of". */
function claimIdFrom(text: string) {
  const match = /\/claims\/([A-Za-z0-9]+)/.exec(text) ?? /^([A-Za-z0-9]{10,40})$/.exec(text.trim());
  return match ? match[1] : null;
}

/**
 * The report form, opened from an item's menu (only signed-in people other than its author are offered
 * it). `onClose`: the reader cancelled, or the report is sent and acknowledged.
 */
export function ReportForm({ claimId, target, onClose }: { claimId: string; target: { type: "claim" | "response"; id: string }; onClose: () => void }) {
  const [reason, setReason] = useState<string>("");
  const [note, setNote] = useState("");
  const [duplicate, setDuplicate] = useState("");
  const [done, setDone] = useState(false);
  // The site's rules (lib/moderation/rules.ts), asked for when the form opens: the list admins keep.
  const [rules, setRules] = useState<SiteRuleView[] | null>(null);
  const { pending, error, run } = useServerAction({ refresh: false });
  const first = useRef<HTMLLegendElement>(null);
  useEffect(() => first.current?.focus(), []);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the form opens
  useEffect(() => run(() => reportRulesAction({}), setRules), []);
  const chosenRule = rules?.find((rule) => rule.id === reason);
  if (done) {
    return (
      <p className="mt-2 text-xs text-muted" role="status">
        Reported. Thank you.{" "}
        <Link href="/reports" className="underline">
          See its status
        </Link>
        .
      </p>
    );
  }
  const what = target.type === "claim" ? "this claim" : "this response";
  return (
    <form
      className="mt-2 w-full space-y-2 rounded-md border border-line bg-stone-50 p-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () =>
            reportAction({
              claimId,
              target,
              ruleId: reason === REPEATS ? null : reason,
              note: note.trim() || null,
              duplicateOfId: reason === REPEATS ? claimIdFrom(duplicate) : null,
            }),
          () => {
            markReported(target.id);
            setDone(true);
          },
        );
      }}
    >
      <fieldset className="space-y-1">
        <legend ref={first} tabIndex={-1} className="font-medium focus:outline-none">
          What is wrong with {what}?
        </legend>
        {rules === null && !error ? <p className="text-muted">Loading the site&apos;s rules…</p> : null}
        {(rules ?? []).map((rule) => (
          <label key={rule.id} className="flex items-start gap-2">
            <input
              type="radio"
              className="mt-1"
              name={`reason-${target.id}`}
              value={rule.id}
              checked={reason === rule.id}
              onChange={() => setReason(rule.id)}
            />
            <span>
              {rule.name}
              <span className="block text-xs text-muted">{rule.text}</span>
            </span>
          </label>
        ))}
        {rules && target.type === "claim" ? (
          <label className="flex items-center gap-2">
            <input type="radio" name={`reason-${target.id}`} value={REPEATS} checked={reason === REPEATS} onChange={() => setReason(REPEATS)} />
            It repeats another claim
          </label>
        ) : null}
      </fieldset>
      {reason === REPEATS ? (
        <label className="block">
          Link to the original claim
          <input
            value={duplicate}
            onChange={(event) => setDuplicate(event.target.value)}
            className="mt-1 w-full rounded border border-line px-2 py-1"
            placeholder="https://…/claims/…"
          />
        </label>
      ) : null}
      <label className="block">
        Note{chosenRule?.needsNote ? " (required)" : " (optional)"}
        <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={2} className="mt-1 w-full rounded border border-line px-2 py-1" />
      </label>
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending || !reason}>
          Send report
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
