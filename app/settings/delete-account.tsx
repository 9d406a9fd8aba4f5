"use client";

import { Link } from "@/components/ui/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useServerAction } from "@/components/use-server-action";
import { signOut } from "@/lib/auth/browser";
import { deleteAccountAction } from "./actions";

const CONFIRMATION = "delete my account";

export function DeleteAccount({ hasPassword }: { hasPassword: boolean }) {
  const { pending, error, run } = useServerAction({ refresh: false });
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [keepText, setKeepText] = useState(false);
  const [deleted, setDeleted] = useState(false);
  if (deleted) {
    return (
      <Alert tone="info">
        Your account is deleted.{" "}
        <Link href="/" className="underline">
          Back to Arguably
        </Link>
      </Alert>
    );
  }
  return (
    <form
      aria-label="Delete account"
      className="space-y-3 rounded-lg border border-red-200 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () => deleteAccountAction({ password: hasPassword ? password : undefined, confirmation, keepText }),
          async () => {
            await signOut();
            setDeleted(true);
          },
        );
      }}
    >
      <div className="space-y-1 text-sm">
        <p>This cannot be undone.</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <strong>Goes:</strong> your name, email address, password and linked sign-ins; your sessions, tokens, follows, notifications and mail; your votes
            (the standings they moved are recomputed).
          </li>
          <li>
            <strong>Your responses lose their text.</strong> A response nobody answered is removed; one that others answered stays in its place as “[deleted]”,
            by “[deleted account]”, so the replies under it still read.
          </li>
          <li>If you tick the box below, every response stays instead, with its text, by “[deleted account]”.</li>
          <li>
            <strong>Stays:</strong> claims you raised and reports you made, under “[deleted account]”.
          </li>
        </ul>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1" checked={keepText} onChange={(event) => setKeepText(event.target.checked)} />
        Leave the text of my responses in their debates, anonymously (“[deleted account]”), so the arguments others answered still read.
      </label>
      {hasPassword ? (
        <TextField
          label="Your password"
          type="password"
          autoComplete="current-password"
          maxLength={1024}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      ) : (
        <p className="text-sm text-muted">You sign in through GitHub or Google: sign in again first if you signed in more than 10 minutes ago.</p>
      )}
      <TextField
        label={`Type “${CONFIRMATION}” to confirm`}
        value={confirmation}
        autoComplete="off"
        maxLength={40}
        onChange={(e) => setConfirmation(e.target.value)}
      />
      <Button type="submit" disabled={pending || confirmation !== CONFIRMATION} className="bg-red-700 hover:bg-red-800">
        {pending ? "Deleting…" : "Delete my account"}
      </Button>
    </form>
  );
}
