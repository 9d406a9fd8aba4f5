"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/use-server-action";
import { addFeedAction, fetchFeedNowAction, removeFeedAction } from "./actions";

export function AddFeedForm() {
  const [url, setUrl] = useState("");
  const [every, setEvery] = useState(60);
  const { pending, error, run } = useServerAction();
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () => addFeedAction({ url, intervalMinutes: every }),
          () => setUrl(""),
        );
      }}
    >
      <label className="min-w-64 flex-1 text-sm" htmlFor="feed-url">
        Feed address (RSS, Atom or JSON Feed)
        <input
          id="feed-url"
          type="url"
          required
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          className="mt-1 block w-full rounded border border-line px-2 py-1"
        />
      </label>
      <label className="text-sm" htmlFor="feed-interval">
        Fetch every
        <select
          id="feed-interval"
          value={every}
          onChange={(event) => setEvery(Number(event.target.value))}
          className="mt-1 block rounded border border-line px-2 py-1"
        >
          <option value={15}>15 minutes</option>
          <option value={60}>hour</option>
          <option value={360}>6 hours</option>
          <option value={1440}>day</option>
        </select>
      </label>
      <Button type="submit" disabled={pending}>
        Follow feed
      </Button>
      {error ? <Alert>{error}</Alert> : null}
    </form>
  );
}

export function FeedButtons({ feedId, name }: { feedId: string; name: string }) {
  const { pending, error, run } = useServerAction();
  return (
    <span className="inline-flex flex-wrap items-center gap-2" role="group" aria-label={`Actions for ${name}`}>
      <Button variant="secondary" disabled={pending} onClick={() => run(() => fetchFeedNowAction({ feedId }))}>
        Fetch now
      </Button>
      <Button variant="secondary" disabled={pending} onClick={() => run(() => removeFeedAction({ feedId }))}>
        Stop following
      </Button>
      {error ? <Alert>{error}</Alert> : null}
    </span>
  );
}
