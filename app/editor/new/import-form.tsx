"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { readProblem } from "@/lib/errors";

type Mode = "text" | "html" | "url" | "argdown" | "aif";

const STAGES: Record<string, string> = {
  fetching: "Fetching the page",
  extracting: "Finding the article",
  detecting: "Splitting into claims",
  saving: "Saving the draft",
  reading: "Reading the debate",
};

interface Progress {
  stage: string;
  done: number;
  total: number;
  /** What `done` and `total` count: sentences of an article (the default), responses of a debate. */
  unit?: string;
}

const MODES: { mode: Mode; label: string }[] = [
  { mode: "text", label: "Paste text" },
  { mode: "html", label: "Paste HTML" },
  { mode: "url", label: "From a URL" },
  { mode: "argdown", label: "Argdown debate" },
  { mode: "aif", label: "AIF JSON debate" },
];

const CONTENT_LABELS: Record<Mode, string> = {
  text: "The article's text",
  html: "The page's HTML",
  url: "",
  argdown: "The debate in Argdown",
  aif: "The debate in AIF JSON",
};

const PLACEHOLDERS: Record<Mode, string> = {
  text: "Paste the whole page; navigation, prompts and captions are removed for you.",
  html: "<html>…",
  url: "",
  argdown: "[Claim]: The claim itself.\n  + [R1]: A supporting argument.\n    - [R2]: An objection to it.",
  aif: '{"nodes": [{"nodeID": "1", "text": "The claim", "type": "I"}, …], "edges": [ … ]}',
};

export function ImportForm() {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("text");
  const [content, setContent] = useState("");
  const [url, setUrl] = useState("");
  const [original, setOriginal] = useState("");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The article was here already (the same original): say so and link to it rather than open a copy.
  const [alreadyHere, setAlreadyHere] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setAlreadyHere(null);
    setProgress({ stage: mode === "url" ? "fetching" : mode === "argdown" || mode === "aif" ? "reading" : "extracting", done: 0, total: 1 });
    try {
      const response = await fetch("/api/editor/import", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(mode === "url" ? { mode, url } : mode === "text" || mode === "html" ? { mode, content, sourceUrl: original } : { mode, content }),
      });
      if (!response.body || !response.headers.get("content-type")?.includes("ndjson")) {
        throw await readProblem(response, `The import failed (HTTP ${response.status}).`);
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += value;
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        for (const line of lines.filter(Boolean)) {
          const message = JSON.parse(line) as { type: string; problem?: { detail?: string }; reviewUrl?: string; alreadyHere?: boolean } & Progress;
          if (message.type === "progress") setProgress(message);
          if (message.type === "error") throw new Error(message.problem?.detail ?? "The import failed. Nothing was stored; please try again.");
          if (message.type === "done" && message.reviewUrl && message.alreadyHere) {
            setProgress(null);
            setAlreadyHere(message.reviewUrl);
            return;
          }
          if (message.type === "done" && message.reviewUrl) {
            router.push(message.reviewUrl);
            return;
          }
        }
      }
      throw new Error("The import stopped before it finished. Nothing was stored; please try again.");
    } catch (caught) {
      setProgress(null);
      setError(caught instanceof TypeError ? "Could not reach Arguably. Check your connection and try again." : (caught as Error).message);
    }
  }

  const busy = progress !== null;
  return (
    <form onSubmit={submit} className="space-y-4">
      <fieldset className="flex flex-wrap gap-2" disabled={busy}>
        <legend className="sr-only">Source</legend>
        {MODES.map((option) => (
          <label
            key={option.mode}
            className={`cursor-pointer rounded-md border px-3 py-1.5 text-sm ${mode === option.mode ? "border-accent bg-accent text-white" : "border-line bg-white"}`}
          >
            <input type="radio" name="mode" value={option.mode} checked={mode === option.mode} onChange={() => setMode(option.mode)} className="sr-only" />
            {option.label}
          </label>
        ))}
      </fieldset>
      {mode === "url" ? (
        <div className="space-y-1">
          <label htmlFor="import-url" className="block text-sm font-medium">
            Article address
          </label>
          <input
            id="import-url"
            type="url"
            required
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            disabled={busy}
            placeholder="https://example.com/news/article"
            className="w-full rounded-md border border-line bg-white px-3 py-2"
          />
        </div>
      ) : (
        <div className="space-y-1">
          <label htmlFor="import-content" className="block text-sm font-medium">
            {CONTENT_LABELS[mode]}
          </label>
          <textarea
            id="import-content"
            required
            rows={14}
            value={content}
            onChange={(event) => setContent(event.target.value)}
            disabled={busy}
            className="w-full rounded-md border border-line bg-white px-3 py-2 font-mono text-sm"
            placeholder={PLACEHOLDERS[mode]}
          />
          {mode === "text" || mode === "html" ? (
            <div className="space-y-1 pt-2">
              <label htmlFor="import-original" className="block text-sm font-medium">
                Where it was published (optional)
              </label>
              <input
                id="import-original"
                type="text"
                inputMode="url"
                value={original}
                onChange={(event) => setOriginal(event.target.value)}
                disabled={busy}
                placeholder="https://example.com/news/article"
                aria-describedby="import-original-help"
                className="w-full rounded-md border border-line bg-white px-3 py-2"
              />
              <p id="import-original-help" className="text-xs text-muted">
                Readers get a link to the original, and exported annotations point at it, so tools such as Hypothesis show the claims there.
              </p>
            </div>
          ) : null}
        </div>
      )}
      {error ? <Alert>{error}</Alert> : null}
      {alreadyHere ? (
        <p role="status" className="rounded border border-line bg-sky-50 p-3 text-sm" data-testid="already-here">
          Already here: this article (the same original or the same text) was imported before, so no copy was made.{" "}
          <a href={alreadyHere} className="text-accent underline">
            Open it
          </a>
        </p>
      ) : null}
      {progress ? (
        <div className="space-y-1" role="status" aria-live="polite">
          <progress className="w-full" value={progress.done} max={Math.max(progress.total, 1)} aria-label="Import progress" />
          <p className="text-sm text-muted">
            {STAGES[progress.stage] ?? progress.stage}
            {progress.total > 1 ? ` — ${progress.done.toLocaleString("en")} of ${progress.total.toLocaleString("en")} ${progress.unit ?? "sentences"}` : "…"}
          </p>
        </div>
      ) : null}
      <Button type="submit" disabled={busy}>
        {busy ? "Importing…" : "Import and review"}
      </Button>
    </form>
  );
}
