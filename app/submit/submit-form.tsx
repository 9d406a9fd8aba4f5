"use client";
// The reader's form for bringing an article: its address, or its text pasted with the address it was
// published at, and (from "Argue this page") the words they had selected.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { TextField } from "@/components/ui/text-field";
import { useServerAction } from "@/components/use-server-action";
import { submitArticleAction } from "./actions";

export function SubmitForm({ initialUrl, selection }: { initialUrl: string; selection: string | null }) {
  const router = useRouter();
  const [url, setUrl] = useState(initialUrl);
  const [pasting, setPasting] = useState(false);
  const [text, setText] = useState("");
  const [outcome, setOutcome] = useState<{ kind: "already_here"; slug: string; title: string } | { kind: "already_waiting" } | null>(null);
  const { pending, error, run } = useServerAction({ refresh: false });
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        setOutcome(null);
        run(
          () => submitArticleAction({ url, text: pasting ? text : null, selection }),
          (result) => {
            if (result.kind === "queued") router.push(`/submissions/${result.submissionId}`);
            else if (result.kind === "already_here") setOutcome({ kind: "already_here", ...result.article });
            else setOutcome(result);
          },
        );
      }}
    >
      <TextField label="The article's address" type="url" required value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://…" />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={pasting} onChange={(event) => setPasting(event.target.checked)} />
        The page cannot be fetched (a paywall, an intranet): I paste its text instead
      </label>
      {pasting ? (
        <label className="block" htmlFor="submit-text">
          <span className="font-medium">The article&apos;s text</span>
          <textarea
            id="submit-text"
            value={text}
            onChange={(event) => setText(event.target.value)}
            rows={10}
            className="mt-1 w-full rounded border border-line px-3 py-2 font-mono text-sm"
          />
        </label>
      ) : null}
      {selection ? (
        <p className="rounded border border-line bg-amber-50 p-3 text-sm" data-testid="selection">
          Once it is published, <strong>“{selection}”</strong> will be raised as its first claim for debate.
        </p>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
      {outcome?.kind === "already_here" ? (
        <p role="status" className="rounded border border-line bg-sky-50 p-3 text-sm" data-testid="already-here">
          Already here:{" "}
          <Link href={`/articles/${outcome.slug}`} className="text-accent underline underline-offset-2">
            {outcome.title}
          </Link>
          . Argue it there.
        </p>
      ) : null}
      {outcome?.kind === "already_waiting" ? (
        <p role="status" className="rounded border border-line bg-sky-50 p-3 text-sm" data-testid="already-here">
          Already here: someone submitted this article and it is waiting for an editor&apos;s review.
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        Submit article
      </Button>
    </form>
  );
}
