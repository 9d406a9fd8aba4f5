"use client";

import type { ClaimVoteValue, ResponseVoteValue, Stance } from "@/lib/vocabulary";
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { addOwnResponse, focusWhenDrawn, patchLiveResponse, useLiveClaim, useLiveResponse } from "@/components/live/live-store";
import { MoreIcon } from "@/components/ui/icons";
import { Menu, MenuItem, MenuLink, MenuSeparator } from "@/components/ui/menu";
import { useViewer, useViewerArticle } from "@/components/viewer/viewer-scope";
import { patchViewerOverlay } from "@/components/viewer/viewer-store";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/use-server-action";
import type { ActionResult } from "@/lib/auth/actions";
import { readProblem, toActionFailure } from "@/lib/errors";
import { RESPONSE_MAX, RESPONSE_MIN } from "@/lib/argument/response-rules";
import { MAX_SOURCES, SOURCE_QUOTE_MAX, type PostResponseInput } from "@/lib/debate/schemas";
import type { PostedResponse } from "@/lib/debate/post-response";
import type { CitedSource } from "@/lib/debate/response-sources";
import { askForSourceAction, deleteResponseAction, editResponseAction, followResponseAction, voteOnResponseAction } from "./actions";
import { ReportForm } from "./report-form";
import type { ControlledResponse } from "./controlled-response";

/** 128 random bits as hex; getRandomValues works on plain-http hosts, where randomUUID does not exist. */
function newSubmissionKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * A vote with its count. `about` says, to screen readers, what it rates ("the response by Ada") when a
 * page holds many of these; `hint` says why it cannot be used now.
 */
function VoteButton({
  active,
  label,
  count,
  onClick,
  disabled,
  about,
  hint,
}: {
  active: boolean;
  label: string;
  count: number;
  onClick: () => void;
  disabled: boolean;
  about?: string;
  hint?: string;
}) {
  return (
    <button
      type="button"
      aria-pressed={active}
      disabled={disabled}
      onClick={onClick}
      title={hint}
      className={`inline-flex h-8 items-center gap-1.5 rounded-md border px-2.5 text-sm ${active ? "border-accent bg-accent text-white" : "border-line bg-white hover:bg-stone-50"} disabled:opacity-60`}
    >
      {label}
      {about ? <span className="sr-only">: {about},</span> : null} <span className="tabular-nums">{count}</span>
    </button>
  );
}

/**
 * Agree/Disagree go to POST /api/claims/:id/vote, which the HTTP edge answers without Next.js
 * (decision 013): 200 when the vote is stored, else problem details, read into an action's result.
 */
async function castClaimVote(claimId: string, value: ClaimVoteValue | null): Promise<ActionResult<undefined>> {
  const response = await fetch(`/api/claims/${encodeURIComponent(claimId)}/vote`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ value }),
  });
  if (response.ok) return { ok: true, data: undefined };
  return toActionFailure(await readProblem(response, "Your vote was not saved. Please try again."));
}

/**
 * A new response goes to POST /api/claims/:id/responses, which the HTTP edge answers without Next.js
 * (decision 022) with the response as the page draws it, or problem details, read into an action's result.
 */
async function sendResponse({ claimId, ...input }: PostResponseInput): Promise<ActionResult<PostedResponse>> {
  const response = await fetch(`/api/claims/${encodeURIComponent(claimId)}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  });
  if (response.ok) return { ok: true, data: (await response.json()) as PostedResponse };
  return toActionFailure(await readProblem(response, "Your response was not posted. Please try again."));
}

/** Agree/Disagree with the live counts; `closed`: the claim takes no votes (hidden while moderators review it). */
export function ClaimVotes({ claimId, agree, disagree, closed = false }: { claimId: string; agree: number; disagree: number; closed?: boolean }) {
  const viewer = useViewer();
  const articleId = useViewerArticle();
  const live = useLiveClaim(claimId);
  const { pending, error, run } = useServerAction({ refresh: false });
  const viewerVote = viewer?.claimVotes[claimId] ?? null;
  const signedIn = Boolean(viewer?.user);
  const vote = (value: ClaimVoteValue) => {
    const next = viewerVote === value ? null : value;
    run(
      () => castClaimVote(claimId, next),
      () => patchViewerOverlay(articleId, (overlay) => ({ ...overlay, claimVotes: withEntry(overlay.claimVotes, claimId, next) })),
    );
  };
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2" role="group" aria-label="Your view of this claim">
        <VoteButton
          active={viewerVote === "agree"}
          label="Agree"
          count={live?.agree ?? agree}
          disabled={pending || !signedIn || closed}
          onClick={() => vote("agree")}
        />
        <VoteButton
          active={viewerVote === "disagree"}
          label="Disagree"
          count={live?.disagree ?? disagree}
          disabled={pending || !signedIn || closed}
          onClick={() => vote("disagree")}
        />
        {/* Held in place (invisibly) while the person's layer loads, so the row does not reflow when it arrives. */}
        {!signedIn && !closed ? (
          <Link
            href={`/signin?callbackUrl=/claims/${claimId}`}
            aria-hidden={viewer === null ? true : undefined}
            tabIndex={viewer === null ? -1 : undefined}
            className={`text-sm text-accent hover:underline ${viewer === null ? "invisible" : ""}`}
          >
            Sign in to vote
          </Link>
        ) : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}

export function withEntry<V>(record: Record<string, V>, key: string, value: V | null): Record<string, V> {
  const next = { ...record };
  if (value === null) delete next[key];
  else next[key] = value;
  return next;
}

export function toggled(list: string[], id: string, on: boolean) {
  return on ? [...list.filter((other) => other !== id), id] : list.filter((other) => other !== id);
}

interface Similar {
  id: string;
  stance: Stance;
  excerpt: string;
}

/** While someone writes, the arguments on this claim that read most like their draft (trigram search). */
function SimilarArguments({ claimId, draft }: { claimId: string; draft: string }) {
  const [similar, setSimilar] = useState<Similar[]>([]);
  const text = draft.trim().slice(0, 500);
  useEffect(() => {
    if (text.length < 20) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/claims/${encodeURIComponent(claimId)}/similar?text=${encodeURIComponent(text)}`, { signal: controller.signal });
        if (response.ok) setSimilar(((await response.json()) as { similar: Similar[] }).similar);
      } catch {
        // A suggestion is a courtesy: without it, posting works as before.
      }
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [claimId, text]);
  // A draft cut back below 20 characters shows nothing (the last answer may still be held).
  if (text.length < 20 || !similar.length) return null;
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm" data-testid="similar-arguments">
      <p className="font-medium">Similar arguments are already here. Could you support or answer one instead?</p>
      <ul className="mt-1 space-y-1">
        {similar.map((response) => (
          <li key={response.id}>
            <a href={`/responses/${response.id}`} target="_blank" rel="noopener" className="text-accent hover:underline">
              {response.stance === "support" ? "✓ Supports" : "✗ Opposes"}: “{response.excerpt}”
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The sources being written: rows of address and optional quote; empty rows are left out. */
function SourcesEditor({ id, sources, onChange }: { id: string; sources: CitedSource[]; onChange: (sources: CitedSource[]) => void }) {
  const update = (index: number, change: Partial<CitedSource>) => onChange(sources.map((source, at) => (at === index ? { ...source, ...change } : source)));
  return (
    <fieldset className="space-y-2 rounded-md border border-line p-2">
      <legend className="px-1 text-sm font-medium">Sources (optional)</legend>
      {sources.map((source, index) => (
        <div key={index} className="grid gap-1 sm:grid-cols-[1fr_1fr_auto]">
          <label className="sr-only" htmlFor={`${id}-source-${index}-url`}>
            Source {index + 1}: web address
          </label>
          <input
            id={`${id}-source-${index}-url`}
            type="text"
            inputMode="url"
            autoComplete="url"
            placeholder="https://…"
            value={source.url}
            onChange={(event) => update(index, { url: event.target.value })}
            className="rounded-md border border-line bg-white p-1.5 text-sm"
          />
          <label className="sr-only" htmlFor={`${id}-source-${index}-quote`}>
            Source {index + 1}: the words you rely on (optional)
          </label>
          <input
            id={`${id}-source-${index}-quote`}
            placeholder="The words you rely on (optional)"
            maxLength={SOURCE_QUOTE_MAX}
            value={source.quote ?? ""}
            onChange={(event) => update(index, { quote: event.target.value })}
            className="rounded-md border border-line bg-white p-1.5 text-sm"
          />
          <Button variant="link" onClick={() => onChange(sources.filter((_, at) => at !== index))}>
            Remove source {index + 1}
          </Button>
        </div>
      ))}
      {sources.length < MAX_SOURCES ? (
        <Button variant="link" onClick={() => onChange([...sources, { url: "", quote: null }])}>
          Add a source
        </Button>
      ) : (
        <p className="text-xs text-muted">At most {MAX_SOURCES} sources.</p>
      )}
    </fieldset>
  );
}

/** The rows someone filled in, as the server takes them. */
const filledSources = (sources: CitedSource[]) =>
  sources.filter((source) => source.url.trim() || source.quote?.trim()).map((source) => ({ url: source.url.trim(), quote: source.quote?.trim() || null }));

/** "the response by Ada", what a response's controls say they act on. */
export function responseName(authorName: string | null) {
  return authorName ? `the response by ${authorName}` : "the deleted response";
}

export function ResponseForm({
  claimId,
  parentId,
  stance: fixedStance,
  replyingTo,
  onDone,
  initialText = "",
  initialSources = [],
  submitLabel = "Post response",
  onSubmitText,
}: {
  claimId: string;
  parentId: string | null;
  /** Fixed for an argument on the claim (its column says which side); a reply's writer chooses (null). */
  stance: Stance | null;
  /** For a reply: "the response by Ada". */
  replyingTo?: string;
  onDone?: () => void;
  initialText?: string;
  initialSources?: CitedSource[];
  submitLabel?: string;
  onSubmitText?: (text: string, sources: CitedSource[]) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [text, setText] = useState(initialText);
  const [sources, setSources] = useState<CitedSource[]>(initialSources);
  const [chosen, setChosen] = useState<Stance | null>(fixedStance);
  const [posting, setPosting] = useState<string | null>(null);
  // One key per response being written: a repeated submit of it cannot post it twice.
  const [submissionKey, setSubmissionKey] = useState(newSubmissionKey);
  const { pending, error, run } = useServerAction({ refresh: false });
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => area.current?.focus(), []);
  const length = text.trim().length;
  const tooShort = length < RESPONSE_MIN;
  const tooLong = length > RESPONSE_MAX;
  const stance = fixedStance ?? chosen;
  const id = `form-${parentId ?? claimId}-${fixedStance ?? "reply"}`;
  const label = onSubmitText
    ? "Edit your response"
    : replyingTo
      ? `Your reply to ${replyingTo}`
      : stance === "support"
        ? "Your supporting response"
        : "Your opposing response";
  return (
    <form
      className="mt-2 space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (!stance) return;
        setPosting(text);
        run<unknown>(
          () =>
            onSubmitText
              ? onSubmitText(text, filledSources(sources))
              : sendResponse({ claimId, parentId, stance, body: text, sources: filledSources(sources), submissionKey }),
          (answer) => {
            const posted = answer as PostedResponse | undefined;
            // Shown at once from the answer; held for review, it is the author's alone: their page, rendered for them.
            if (posted?.held) router.refresh();
            else if (posted?.response) {
              // The form goes, and with it the focus it held: the new response takes it.
              focusWhenDrawn(posted.response.id);
              addOwnResponse(posted.response);
            }
            setText("");
            setSources([]);
            setSubmissionKey(newSubmissionKey());
            onDone?.();
          },
        );
      }}
    >
      {!fixedStance && !onSubmitText ? (
        <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <legend className="sr-only">Does your reply support {replyingTo} or oppose it?</legend>
          {(
            [
              ["support", "Support it"],
              ["oppose", "Oppose it"],
            ] as const
          ).map(([value, text]) => (
            <label key={value} className="inline-flex items-center gap-1.5">
              <input type="radio" name={`${id}-stance`} value={value} checked={chosen === value} onChange={() => setChosen(value)} />
              {text}
            </label>
          ))}
        </fieldset>
      ) : null}
      <label className="block text-sm font-medium" htmlFor={id}>
        {label}
      </label>
      <textarea
        ref={area}
        id={id}
        rows={4}
        value={text}
        onChange={(event) => setText(event.target.value)}
        className="w-full rounded-md border border-line bg-white p-2 text-sm"
        aria-describedby={`${id}-help`}
      />
      <p id={`${id}-help`} className={`text-xs ${tooLong ? "text-red-700" : "text-muted"}`}>
        {length} / {RESPONSE_MAX.toLocaleString("en")} characters{tooShort ? ` (at least ${RESPONSE_MIN})` : ""}. *emphasis*, **strong**, ~~strikethrough~~,
        [links](https://…) or plain addresses, lists and &gt; quotes work.
      </p>
      <SourcesEditor id={id} sources={sources} onChange={setSources} />
      {!onSubmitText ? <SimilarArguments claimId={claimId} draft={text} /> : null}
      {pending && posting ? (
        <p className="rounded-md border border-dashed border-line p-2 text-sm text-muted" role="status">
          Posting: “{posting.trim().slice(0, 120)}
          {posting.trim().length > 120 ? "…" : ""}”
        </p>
      ) : null}
      {error ? <Alert>{error} Your text is still here.</Alert> : null}
      {!stance ? <p className="text-xs text-muted">Choose whether your reply supports it or opposes it.</p> : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending || tooShort || tooLong || !stance}>
          {submitLabel}
        </Button>
        {onDone ? (
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/**
 * What the person can do with a response: rate it and reply to it, on the card; follow it, ask for a
 * source, link to it, report it, and edit or delete their own, in its menu. Every control names the
 * response it acts on, so a page of them reads apart to a screen reader.
 */
export function ResponseControls({ claimId, response, claimOpen }: { claimId: string; response: ControlledResponse; claimOpen: boolean }) {
  const router = useRouter();
  const viewer = useViewer();
  const articleId = useViewerArticle();
  const live = useLiveResponse(response.id);
  const [open, setOpen] = useState<"reply" | "edit" | "report" | null>(null);
  // The version the edit started from, fixed when the editor opens: a live update meanwhile brings the
  // page the newer version, and sending that would let this edit overwrite one it never saw.
  const [editingFrom, setEditingFrom] = useState<string | null>(null);
  const replyButton = useRef<HTMLButtonElement>(null);
  const { pending, error, run } = useServerAction({ refresh: false });
  const viewerId = viewer?.user?.id ?? null;
  const viewerVote = viewer?.responseVotes[response.id] ?? null;
  const following = viewer?.followedResponses.includes(response.id) ?? false;
  const viewerCanPost = Boolean(viewer?.canPost) && claimOpen;
  const own = viewerId !== null && viewerId === response.authorId;
  const deleted = response.deleted || Boolean(live?.deleted);
  const body = live?.body ?? response.body;
  const editedAt = live?.editedAt !== undefined ? live.editedAt : response.editedAt;
  const closed = deleted || response.withheld;
  const asksForSource = viewer?.sourceRequests.includes(response.id) ?? false;
  const sources = live?.sources ?? response.sources;
  const name = responseName(response.authorName);
  // What the page shows of the response now, kept by the person's own changes to it.
  const shown = {
    strong: live?.strong ?? response.strong,
    weak: live?.weak ?? response.weak,
    supporters: live?.supporters ?? response.supporters,
    opposers: live?.opposers ?? response.opposers,
    strength: live?.strength ?? response.strength,
    sourceRequests: live?.sourceRequests ?? response.sourceRequests,
  };
  const askForSource = () =>
    run(
      () => askForSourceAction({ claimId, responseId: response.id, needsSource: !asksForSource }),
      (answer) => {
        patchViewerOverlay(articleId, (overlay) => ({ ...overlay, sourceRequests: toggled(overlay.sourceRequests, response.id, !asksForSource) }));
        patchLiveResponse(response.id, { sourceRequests: (answer as { sourceRequests: number }).sourceRequests }, shown);
      },
    );
  const vote = (value: ResponseVoteValue) => {
    const next = viewerVote === value ? null : value;
    run(
      () => voteOnResponseAction({ claimId, responseId: response.id, value: next }),
      () => patchViewerOverlay(articleId, (overlay) => ({ ...overlay, responseVotes: withEntry(overlay.responseVotes, response.id, next) })),
    );
  };
  const follow = () =>
    run(
      () => followResponseAction({ claimId, responseId: response.id, follow: !following }),
      () => patchViewerOverlay(articleId, (overlay) => ({ ...overlay, followedResponses: toggled(overlay.followedResponses, response.id, !following) })),
    );
  const remove = () => {
    if (window.confirm("Delete this response? Its replies stay; its text is removed."))
      run(
        () => deleteResponseAction({ claimId, responseId: response.id }),
        () => patchLiveResponse(response.id, { deleted: true, body: "" }, shown),
      );
  };
  const rateHint = !viewerId ? "Sign in to rate arguments" : own ? "You cannot rate your own argument" : closed ? "This response takes no votes" : undefined;
  const closeForm = () => {
    setOpen(null);
    // Focus goes back to where the reader opened the form from.
    requestAnimationFrame(() => replyButton.current?.focus());
  };
  return (
    <div className="mt-2 space-y-2">
      <div className="flex flex-wrap items-center gap-1.5">
        <div role="group" aria-label={`Rate ${name}`} className="flex gap-1.5">
          <VoteButton
            active={viewerVote === "strong"}
            label="Strong"
            about={`rate ${name}`}
            hint={rateHint}
            count={shown.strong}
            disabled={pending || !viewerId || own || closed}
            onClick={() => vote("strong")}
          />
          <VoteButton
            active={viewerVote === "weak"}
            label="Weak"
            about={`rate ${name}`}
            hint={rateHint}
            count={shown.weak}
            disabled={pending || !viewerId || own || closed}
            onClick={() => vote("weak")}
          />
        </div>
        {viewerId && viewerCanPost && !closed ? (
          <button
            ref={replyButton}
            type="button"
            aria-label={`Reply to ${name}`}
            aria-expanded={open === "reply"}
            onClick={() => setOpen(open === "reply" ? null : "reply")}
            className="inline-flex h-8 items-center rounded-md px-2.5 text-sm font-medium text-accent hover:bg-stone-100"
          >
            Reply
          </button>
        ) : null}
        <Menu label={`More actions for ${name}`} triggerClassName="h-8 w-8 justify-center" trigger={<MoreIcon />}>
          {viewerId && !closed ? <MenuItem onSelect={follow}>{following ? "Unfollow" : "Follow"}</MenuItem> : null}
          {viewerId && !own && !closed && !sources.length ? (
            <MenuItem onSelect={askForSource}>{asksForSource ? "Withdraw your request for a source" : "Needs a source"}</MenuItem>
          ) : null}
          <MenuLink href={`/responses/${response.id}`}>Link to this response</MenuLink>
          {editedAt && !deleted ? <MenuLink href={`/responses/${response.id}/history`}>Earlier versions</MenuLink> : null}
          {viewerId && !own && response.authorId && !closed ? <MenuItem onSelect={() => setOpen("report")}>Report</MenuItem> : null}
          {own && !deleted ? (
            <>
              <MenuSeparator />
              <MenuItem
                onSelect={() => {
                  setEditingFrom(editedAt);
                  setOpen("edit");
                }}
              >
                Edit
              </MenuItem>
              <MenuItem destructive disabled={pending} onSelect={remove}>
                Delete
              </MenuItem>
            </>
          ) : null}
        </Menu>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {open === "reply" ? <ResponseForm claimId={claimId} parentId={response.id} stance={null} replyingTo={name} onDone={closeForm} /> : null}
      {open === "report" ? <ReportForm claimId={claimId} target={{ type: "response", id: response.id }} onClose={() => setOpen(null)} /> : null}
      {open === "edit" ? (
        <ResponseForm
          claimId={claimId}
          parentId={response.id}
          stance="support"
          initialText={body}
          initialSources={sources}
          submitLabel="Save changes"
          onSubmitText={async (text, newSources) => {
            const result = await editResponseAction({ claimId, responseId: response.id, body: text, sources: newSources, seenEditedAt: editingFrom });
            if (result.ok && result.data.held) router.refresh();
            else if (result.ok) patchLiveResponse(response.id, { body: text, sources: newSources, editedAt: result.data.editedAt }, shown);
            return result;
          }}
          onDone={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
}

/** Above the two sides, for a person whose account cannot post now (a silence): why, and until when. */
export function PostingNotice() {
  const viewer = useViewer();
  return viewer?.blockedReason ? <Alert>{viewer.blockedReason}</Alert> : null;
}

/**
 * "Support this claim" / "Oppose this claim" at the head of its side, opening the form there; for a
 * reader who is not signed in, the same place leads to signing in. It holds its place while the
 * person's layer loads, so nothing below it moves when it arrives.
 */
export function AddArgument({ claimId, stance }: { claimId: string; stance: Stance }) {
  const viewer = useViewer();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const label = stance === "support" ? "Support this claim" : "Oppose this claim";
  const look = `inline-flex w-full items-center justify-center gap-1.5 rounded-md border border-dashed px-3 py-2 text-sm font-medium ${
    stance === "support" ? "border-emerald-600 text-emerald-900 hover:bg-emerald-50" : "border-rose-600 text-rose-900 hover:bg-rose-50"
  }`;
  if (viewer === null)
    return (
      <div aria-hidden="true" className={`${look} invisible`}>
        {label}
      </div>
    );
  if (!viewer.user)
    return (
      <Link href={`/signin?callbackUrl=/claims/${claimId}`} className={look}>
        Sign in to {stance === "support" ? "support" : "oppose"} this claim
      </Link>
    );
  if (!viewer.canPost) return null;
  return (
    <div>
      <button ref={button} type="button" aria-expanded={open} onClick={() => setOpen(!open)} className={look}>
        <span aria-hidden="true">+</span> {label}
      </button>
      {open ? (
        <ResponseForm
          claimId={claimId}
          parentId={null}
          stance={stance}
          onDone={() => {
            setOpen(false);
            requestAnimationFrame(() => {
              if (document.activeElement === document.body) button.current?.focus();
            });
          }}
        />
      ) : null}
    </div>
  );
}
