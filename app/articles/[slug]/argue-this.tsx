"use client";

import { useViewer } from "@/components/viewer/viewer-scope";
import type { ViewerOverlay } from "@/lib/debate/viewer-overlay";
import { Link } from "@/components/ui/link";
import { findWords } from "@/lib/ingest/find-words";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/use-server-action";
import { judgeSelection, sentenceAround, type ExistingClaim, type SelectionJudgement } from "@/lib/argument/raise-rules";
import type { BodyBlock } from "@/lib/ingest";
import type { Span } from "@/lib/ingest/spans";
import { RESPONSE_MAX, RESPONSE_MIN } from "@/lib/argument/response-rules";
import type { Stance } from "@/lib/vocabulary";
import { raiseClaimAction } from "./actions";

const BODY = '[data-testid="article-body"]';
const WIDE = "(min-width: 1024px)";
/** Room the bar needs on screen (its tallest form: the composer). */
const BAR_ROOM = 380;

interface Props {
  articleId: string;
  slug: string;
  body: string;
  blocks: BodyBlock[];
  claims: ExistingClaim[];
  sentences: Span[];
  /** Null when the viewer may raise claims; else why not (signed out, silenced, locked). */
  /** The article's debate is locked: nothing can be raised. */
  locked: boolean;
}

// ---------------------------------------------------------------- the page's text ⇄ body offsets

function runs(container: Element) {
  return Array.from(container.querySelectorAll<HTMLElement>("[data-offset]"));
}

/** The body offset of a boundary point; a point between runs (in a claim's counts) takes the nearest run. */
function offsetOf(container: Element, node: Node, offset: number, side: "start" | "end"): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const run = element?.closest<HTMLElement>("[data-offset]");
  if (run && container.contains(run)) {
    const base = Number(run.dataset.offset);
    if (node.nodeType === Node.TEXT_NODE) return base + offset;
    return offset === 0 ? base : base + (run.textContent?.length ?? 0);
  }
  const point = document.createRange();
  point.setStart(node, offset);
  const all = runs(container);
  if (side === "start") {
    const next = all.find((candidate) => point.comparePoint(candidate, 0) === 1);
    return next ? Number(next.dataset.offset) : null;
  }
  const previous = all.findLast((candidate) => point.comparePoint(candidate, 0) === -1);
  return previous ? Number(previous.dataset.offset) + (previous.textContent?.length ?? 0) : null;
}

function selectionInBody(): Span | null {
  const container = document.querySelector(BODY);
  const selection = window.getSelection();
  if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(container)) return null;
  const start = container.contains(range.startContainer) ? offsetOf(container, range.startContainer, range.startOffset, "start") : 0;
  const end = container.contains(range.endContainer) ? offsetOf(container, range.endContainer, range.endOffset, "end") : Number.MAX_SAFE_INTEGER;
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** The DOM point at a body offset (the run that holds it, and the place in its text). */
function pointAt(container: Element, offset: number, side: "start" | "end"): [Node, number] | null {
  for (const run of runs(container)) {
    const base = Number(run.dataset.offset);
    const text = run.firstChild;
    const length = run.textContent?.length ?? 0;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    if (offset >= base && (offset < base + length || (side === "end" && offset === base + length))) return [text, offset - base];
  }
  return null;
}

/** Shows `span` as the page's selection: the reader sees exactly what would be argued. */
function selectSpan(span: Span) {
  const container = document.querySelector(BODY);
  const start = container && pointAt(container, span.start, "start");
  const end = container && pointAt(container, span.end, "end");
  if (!start || !end) return;
  window.getSelection()?.setBaseAndExtent(start[0], start[1], end[0], end[1]);
  (start[0].parentElement as HTMLElement | null)?.scrollIntoView({ block: "center" });
}

function quoted(text: string, limit = 140) {
  const flat = text.replace(/\s+/g, " ");
  return `“${flat.length > limit ? `${flat.slice(0, limit)}…` : flat}”`;
}

// ---------------------------------------------------------------- the component

/** Why the person cannot raise a claim here, or null when they can (lib/policy "claim.raise" is posting). */
function raiseRefusal(viewer: ViewerOverlay | null, locked: boolean) {
  // Null: the page (shared by every reader) is still asking who this is; a signed-in reader is not told to sign in.
  if (!viewer) return { signIn: false, waiting: true, message: "One moment: checking your account…" };
  if (!viewer.user) return { signIn: true, message: "Sign in to argue this." };
  if (locked) return { signIn: false, message: "This article's debate is locked: no new claims can be raised." };
  if (!viewer.canPost) return { signIn: false, message: viewer.blockedReason ?? "Your account cannot raise claims right now." };
  return null;
}

/** The draft of a claim: the words it is about and, optionally, the reader's first argument on it. */
function Composer({
  words,
  pending,
  onPublish,
  onCancel,
}: {
  words: string;
  pending: boolean;
  onPublish: (argument: { stance: Stance; body: string } | null) => void;
  onCancel: () => void;
}) {
  const [stance, setStance] = useState<Stance | null>(null);
  const [text, setText] = useState("");
  const length = text.trim().length;
  const writing = length > 0;
  const problem = !writing
    ? null
    : !stance
      ? "Choose whether your argument supports the claim or opposes it."
      : length < RESPONSE_MIN
        ? `An argument needs at least ${RESPONSE_MIN} characters.`
        : length > RESPONSE_MAX
          ? `An argument can be at most ${RESPONSE_MAX.toLocaleString("en")} characters.`
          : null;
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (problem) return;
        onPublish(writing && stance ? { stance, body: text } : null);
      }}
    >
      <p data-composer-heading tabIndex={-1} className="font-medium focus:outline-none">
        Argue these words as a claim
      </p>
      <blockquote className="border-l-4 border-amber-400 pl-2 font-serif">{quoted(words, 300)}</blockquote>
      <p className="text-xs text-muted">Nothing is public until you publish it. You can withdraw it afterwards while nobody else has taken part.</p>
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
        <legend className="mb-1 text-xs text-muted">Your first argument (optional)</legend>
        {(
          [
            ["support", "Support it"],
            ["oppose", "Oppose it"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="inline-flex items-center gap-1.5">
            <input type="radio" name="first-argument-stance" value={value} checked={stance === value} onChange={() => setStance(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      <label className="sr-only" htmlFor="first-argument">
        Your first argument (optional)
      </label>
      <textarea
        id="first-argument"
        rows={3}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Why does it hold, or not? (optional)"
        className="w-full rounded-md border border-line bg-white p-2 text-sm"
      />
      {problem ? <p className="text-xs text-red-800">{problem}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending || problem !== null}>
          {pending ? "Publishing…" : "Publish claim"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/**
 * "Argue this": a reader selects words in the article (mouse, touch, or sentence by sentence with the
 * keyboard). Words that are already a claim open its debate; other words open a composer, where the
 * reader may add a first argument, and nothing is public until they press Publish. A few words within
 * a sentence are offered the whole sentence first.
 */
export function ArgueThis({ articleId, slug, body, blocks, claims, sentences, locked }: Props) {
  const router = useRouter();
  const refusal = raiseRefusal(useViewer(), locked);
  const [selection, setSelection] = useState<Span | null>(null);
  const [position, setPosition] = useState<{ top?: number; bottom?: number; left: number } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [message, setMessage] = useState<{ text: string; suggestion: Span | null; claimId: string | null } | null>(null);
  const [keyboardSentence, setKeyboardSentence] = useState<number | null>(null);
  /** The words being drafted as a claim; while set, new selections do not replace them. */
  const [draft, setDraft] = useState<Span | null>(null);
  const { pending, error, run, clearError } = useServerAction();
  const keyboardPanel = useRef<HTMLDivElement>(null);
  const modeButton = useRef<HTMLButtonElement>(null);
  // Read by the page's event listeners; set with `draft` (startDraft, close).
  const drafting = useRef(false);
  /** Enter was pressed while the page was still asking who is reading. */
  const actWhenKnown = useRef(false);

  const judgement: SelectionJudgement | null = selection && judgeSelection(body, blocks, selection, claims);
  // The words as snapped (judgeSelection's span), when they lie inside a longer sentence that could be argued whole.
  const snapped = judgement?.kind === "new" ? judgement.span : null;
  const sentence = snapped && sentenceAround(sentences, snapped);
  const wholeSentence =
    snapped && sentence && (sentence.start !== snapped.start || sentence.end !== snapped.end) && snapped.end <= sentence.end
      ? judgeSelection(body, blocks, sentence, claims).kind === "new"
        ? sentence
        : null
      : null;

  const place = useCallback(() => {
    const room = BAR_ROOM;
    if (window.innerWidth < 640 && drafting.current) return setPosition({ bottom: 8, left: 8 });
    const range = window.getSelection()?.rangeCount ? window.getSelection()!.getRangeAt(0) : null;
    const rect = range?.getBoundingClientRect();
    if (!rect || (rect.width === 0 && rect.height === 0)) return drafting.current ? undefined : setPosition(null);
    const left = Math.max(8, Math.min(rect.left, window.innerWidth - 360));
    // Below the selection when the bar fits there, else above it, else at the foot of the screen.
    if (rect.bottom + room < window.innerHeight) return setPosition({ top: rect.bottom + 8, left });
    if (rect.top > room) return setPosition({ bottom: window.innerHeight - rect.top + 8, left });
    setPosition({ bottom: 8, left });
  }, []);

  useEffect(() => {
    const update = () => {
      // A draft keeps its words until it is published or cancelled.
      if (drafting.current) return;
      const next = selectionInBody();
      // A click on the bar itself must not drop the selection it acts on.
      if (!next && document.activeElement?.closest("[data-argue-bar]")) return;
      setSelection(next);
      setMessage(null);
      clearError();
      if (next) place();
    };
    const follow = () => {
      if (!drafting.current) place();
    };
    document.addEventListener("selectionchange", update);
    window.addEventListener("scroll", follow, { passive: true });
    window.addEventListener("resize", follow);
    return () => {
      document.removeEventListener("selectionchange", update);
      window.removeEventListener("scroll", follow);
      window.removeEventListener("resize", follow);
    };
  }, [place, clearError]);

  // "Argue this page" from elsewhere (/submit, the bookmarklet, the Share menu) opens the article with
  // ?words=…: those words are selected as if the reader had, so the bar offers to argue them (or opens
  // the claim they belong to). Read in the browser: the page itself is one render shared by all readers.
  useEffect(() => {
    const words = new URLSearchParams(window.location.search).get("words");
    const span = words ? findWords(body, words) : null;
    if (span) selectSpan(span);
  }, [body]);

  const close = () => {
    setDraft(null);
    drafting.current = false;
    setSelection(null);
    setMessage(null);
    window.getSelection()?.removeAllRanges();
  };

  /** Cancel in the composer: the draft goes, and in sentence mode the keyboard goes back to the sentences. */
  const cancel = () => {
    close();
    if (keyboardSentence !== null) requestAnimationFrame(() => keyboardPanel.current?.focus());
  };

  const openDebate = (claimId: string) => {
    close();
    setKeyboardSentence(null);
    router.push(window.matchMedia(WIDE).matches ? `/articles/${slug}?claim=${claimId}` : `/claims/${claimId}`, { scroll: false });
  };

  /** Makes `span` the draft; `focus`: the composer takes the keyboard (it replaces what had focus). */
  const startDraft = (span: Span, focus = true) => {
    drafting.current = true;
    setDraft(span);
    setSelection(span);
    setMessage(null);
    clearError();
    place();
    if (focus) {
      setAnnouncement(`Drafting a claim: ${body.slice(span.start, span.end)}`);
      requestAnimationFrame(() => document.querySelector<HTMLElement>("[data-argue-bar] [data-composer-heading]")?.focus());
    }
  };

  const publish = (span: Span, argument: { stance: Stance; body: string } | null) => {
    setMessage(null);
    run(
      () => raiseClaimAction({ articleId, start: span.start, end: span.end, quote: body.slice(span.start, span.end), firstArgument: argument }),
      (outcome) => {
        if (outcome.kind === "suggestion") {
          setMessage({ text: outcome.message, suggestion: outcome.suggestion, claimId: outcome.claimId });
          setAnnouncement(outcome.message);
          return;
        }
        setAnnouncement(outcome.kind === "created" ? "Claim published. Its debate is open." : "These words are already a claim. Its debate is open.");
        openDebate(outcome.claimId);
      },
    );
  };

  // ---- keyboard: sentence by sentence
  const moveTo = (index: number) => {
    const bounded = Math.max(0, Math.min(sentences.length - 1, index));
    const span = sentences[bounded];
    if (!span) return;
    setKeyboardSentence(bounded);
    selectSpan(span);
    setSelection(span);
    setMessage(null);
    place();
    const verdict = judgeSelection(body, blocks, span, claims);
    const what =
      verdict.kind === "existing"
        ? "Already a claim: press Enter to open its debate."
        : verdict.kind === "new"
          ? "Press Enter to argue it."
          : "It cannot be argued as it is; move on with the arrow keys.";
    setAnnouncement(`Sentence ${bounded + 1} of ${sentences.length}: ${body.slice(span.start, span.end)} ${what}`);
  };

  const startKeyboardMode = () => {
    const firstVisible = sentences.findIndex((span) => {
      const container = document.querySelector(BODY);
      const point = container && pointAt(container, span.start, "start");
      const top = (point?.[0].parentElement as HTMLElement | null)?.getBoundingClientRect().top;
      return top !== undefined && top >= 0;
    });
    setKeyboardSentence(Math.max(0, firstVisible));
    requestAnimationFrame(() => {
      keyboardPanel.current?.focus();
      moveTo(Math.max(0, firstVisible));
    });
  };

  const onKeyboardKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (keyboardSentence === null) return;
    const steps: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, j: 1, ArrowUp: -1, ArrowLeft: -1, k: -1 };
    if (event.key in steps) {
      event.preventDefault();
      moveTo(keyboardSentence + steps[event.key]);
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      moveTo(event.key === "Home" ? 0 : sentences.length - 1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      act();
    } else if (event.key === "Escape") {
      event.preventDefault();
      setKeyboardSentence(null);
      window.getSelection()?.removeAllRanges();
      setAnnouncement("Left sentence mode.");
      modeButton.current?.focus();
    }
  };

  /** Enter in sentence mode: whatever the selection's verdict calls for. */
  const act = () => {
    if (refusal?.waiting) {
      // Done as soon as the page knows who is reading (the effect below), not refused meanwhile.
      actWhenKnown.current = true;
      return setAnnouncement(refusal.message);
    }
    if (refusal) return setAnnouncement(refusal.message);
    if (!selection || !judgement) return;
    if (judgement.kind === "existing") openDebate(judgement.claimId);
    else if (judgement.kind === "new") startDraft(judgement.span);
    else if (judgement.kind === "acrossParagraphs" || judgement.kind === "partlyClaimed") {
      setMessage({ text: judgement.message, suggestion: judgement.suggestion, claimId: judgement.kind === "partlyClaimed" ? judgement.claimId : null });
      setAnnouncement(judgement.message);
    } else setAnnouncement(judgement.message);
  };

  const waiting = Boolean(refusal?.waiting);
  useEffect(() => {
    if (waiting || !actWhenKnown.current) return;
    actWhenKnown.current = false;
    act();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the moment the person becomes known matters
  }, [waiting]);

  const takeSuggestion = (span: Span) => {
    selectSpan(span);
    setSelection(span);
    setMessage(null);
    setAnnouncement(`Selected ${body.slice(span.start, span.end)}`);
  };

  // The composer: for a draft, and at once for words that are a whole sentence (or no sentence's part)
  // chosen with the pointer; in sentence mode it waits for Enter.
  const composing = draft ?? (judgement?.kind === "new" && !wholeSentence && keyboardSentence === null && !refusal ? judgement.span : null);
  const bar = (draft || (selection && judgement)) && position && (
    <div
      data-argue-bar
      role="region"
      aria-label={composing ? "Draft a claim" : "Argue the selected words"}
      data-testid="argue-bar"
      onMouseDown={(event) => {
        // Keep the page's selection: the bar acts on it.
        if (!(event.target as Element).closest("input,textarea,label")) event.preventDefault();
      }}
      // Writing in the composer makes it a draft: a new selection no longer replaces its words.
      onFocusCapture={() => {
        if (composing && !draft) startDraft(composing, false);
      }}
      style={position}
      className="fixed z-40 max-h-[calc(100vh-1rem)] w-[22rem] max-w-[calc(100vw-1rem)] space-y-2 overflow-y-auto rounded-lg border border-line bg-white p-3 font-sans text-sm shadow-lg"
    >
      {composing ? (
        <Composer
          key={`${composing.start}-${composing.end}`}
          words={body.slice(composing.start, composing.end)}
          pending={pending}
          onPublish={(argument) => publish(composing, argument)}
          onCancel={cancel}
        />
      ) : refusal ? (
        refusal.signIn ? (
          <p>
            <Link href={`/signin?callbackUrl=${encodeURIComponent(`/articles/${slug}`)}`} className="font-medium text-accent underline">
              Sign in to argue this
            </Link>
            <span className="text-muted"> or to open a debate on any sentence.</span>
          </p>
        ) : (
          <p role="status">{refusal.message}</p>
        )
      ) : judgement?.kind === "existing" ? (
        <>
          <p className="text-muted">These words are already a claim.</p>
          <Button onClick={() => openDebate(judgement.claimId)}>Open its debate</Button>
        </>
      ) : judgement?.kind === "new" ? (
        wholeSentence ? (
          <>
            <p className="text-muted">{quoted(body.slice(judgement.span.start, judgement.span.end))}</p>
            <p>These words are part of a sentence. A claim reads best as a whole sentence:</p>
            <p className="font-serif text-muted">{quoted(body.slice(wholeSentence.start, wholeSentence.end), 200)}</p>
            <div className="flex flex-wrap gap-2">
              <Button onClick={() => startDraft(wholeSentence)}>Argue the whole sentence</Button>
              <Button variant="secondary" onClick={() => startDraft(judgement.span)}>
                Only the words I selected
              </Button>
            </div>
          </>
        ) : (
          <>
            <p className="text-muted">{quoted(body.slice(judgement.span.start, judgement.span.end))}</p>
            <Button onClick={() => startDraft(judgement.span)}>Argue this</Button>
          </>
        )
      ) : judgement?.kind === "invalid" ? (
        <p role="status">{judgement.message}</p>
      ) : judgement ? (
        <>
          <p role="status">{judgement.message}</p>
          <div className="flex flex-wrap gap-2">
            {judgement.suggestion ? (
              <Button variant="secondary" onClick={() => takeSuggestion(judgement.suggestion!)}>
                {judgement.kind === "acrossParagraphs" ? "Take the part in the first paragraph" : "Take only the words outside it"}
              </Button>
            ) : null}
            {judgement.kind === "partlyClaimed" ? (
              <Button variant="secondary" onClick={() => openDebate(judgement.claimId)}>
                Open its debate
              </Button>
            ) : null}
          </div>
        </>
      ) : null}
      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-2 py-1.5 text-red-900">
          {error}
        </p>
      ) : null}
      {message ? (
        <div role="alert" className="space-y-2 rounded border border-red-300 bg-red-50 px-2 py-1.5 text-red-900">
          <p>{message.text}</p>
          <div className="flex flex-wrap gap-2">
            {message.suggestion ? (
              <Button
                variant="secondary"
                onClick={() => {
                  close();
                  takeSuggestion(message.suggestion!);
                }}
              >
                Take {quoted(body.slice(message.suggestion.start, message.suggestion.end), 60)}
              </Button>
            ) : null}
            {message.claimId ? (
              <Button variant="secondary" onClick={() => openDebate(message.claimId!)}>
                Open the existing claim
              </Button>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-x-2 gap-y-1 font-sans text-sm text-muted">
        <span>Select any words to argue them, or</span>
        <button
          ref={modeButton}
          type="button"
          onClick={startKeyboardMode}
          aria-describedby="sentence-mode-help"
          className="text-accent underline-offset-4 hover:underline"
        >
          go through the sentences with the keyboard
        </button>
      </div>
      {keyboardSentence !== null ? (
        <div
          ref={keyboardPanel}
          tabIndex={0}
          role="group"
          aria-label="Sentence mode"
          aria-describedby="sentence-mode-help"
          onKeyDown={onKeyboardKey}
          data-testid="sentence-mode"
          className="sticky top-2 z-30 mb-4 rounded-md border border-accent bg-white px-3 py-2 font-sans text-sm shadow focus:outline-2 focus:outline-accent"
        >
          Sentence {keyboardSentence + 1} of {sentences.length}. ↑/↓ move · Enter argues it (or opens its claim) · Esc leaves.
        </div>
      ) : null}
      <p id="sentence-mode-help" className="sr-only">
        Sentence mode: the arrow keys move from sentence to sentence and each is read out; Enter drafts the sentence as a claim, or opens its debate if it is
        already a claim; Escape leaves.
      </p>
      <div aria-live="polite" className="sr-only" data-testid="argue-announcement">
        {announcement}
      </div>
      {bar}
    </>
  );
}
