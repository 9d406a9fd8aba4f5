"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/use-server-action";
import { useViewer } from "@/components/viewer/viewer-scope";
import { markReported } from "@/components/live/live-store";
import { reportAction } from "./actions";

const REASONS = [
  ["spam", "Spam"],
  ["abuse", "Harassment or abuse"],
  ["off_topic", "Off-topic"],
  ["unclear", "Not an argument, or unclear"],
  ["duplicate", "Duplicate of another claim"],
  ["misinformation", "Misinformation"],
  ["other", "Something else"],
] as const;

/** Accepts a claim's URL or id for "duplicate of". */
function claimIdFrom(text: string) {
  const match = /\/claims\/([A-Za-z0-9]+)/.exec(text) ?? /^([A-Za-z0-9]{10,40})$/.exec(text.trim());
  return match ? match[1] : null;
}

/** Reporting, for signed-in people other than the item's author (`authorId`: its author or raiser, if any). */
export function ReportButton({ claimId, target, authorId }: { claimId: string; target: { type: "claim" | "response"; id: string }; authorId: string | null }) {
  const viewer = useViewer();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<string>("");
  const [note, setNote] = useState("");
  const [duplicate, setDuplicate] = useState("");
  const [done, setDone] = useState(false);
  const { pending, error, run } = useServerAction({ refresh: false });
  if (!viewer?.user || viewer.user.id === authorId) return null;
  if (done) {
    return (
      <p className="text-xs text-muted" role="status">
        Reported. Thank you.{" "}
        <Link href="/reports" className="underline">
          See its status
        </Link>
        .
      </p>
    );
  }
  if (!open)
    return (
      <Button variant="link" onClick={() => setOpen(true)}>
        Report
      </Button>
    );
  return (
    <form
      className="w-full space-y-2 rounded-md border border-line bg-stone-50 p-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () =>
            reportAction({
              claimId,
              target,
              reason,
              note: note.trim() || null,
              duplicateOfId: reason === "duplicate" ? claimIdFrom(duplicate) : null,
            }),
          () => {
            markReported(target.id);
            setDone(true);
          },
        );
      }}
    >
      <fieldset className="space-y-1">
        <legend className="font-medium">What is wrong with it?</legend>
        {REASONS.map(([value, label]) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name={`reason-${target.id}`} value={value} checked={reason === value} onChange={() => setReason(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      {reason === "duplicate" ? (
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
        Note{reason === "other" ? " (required)" : " (optional)"}
        <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={2} className="mt-1 w-full rounded border border-line px-2 py-1" />
      </label>
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending || !reason}>
          Send report
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
