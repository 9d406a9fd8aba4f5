"use client";

import { count } from "@/lib/format";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useServerAction } from "@/components/use-server-action";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { NAME_MAX_LENGTH } from "@/lib/auth/field-limits";
import { changeEmailAction, changeNameAction, changePasswordAction, resendVerificationAction } from "./actions";

const box = "space-y-3 rounded-lg border border-line bg-white p-4";

export function DisplayNameForm({ name: current }: { name: string }) {
  const { pending, error, run } = useServerAction();
  const [name, setName] = useState(current);
  const [saved, setSaved] = useState(false);
  return (
    <form
      aria-label="Display name"
      className={box}
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        run(
          () => changeNameAction({ name }),
          () => setSaved(true),
        );
      }}
    >
      {error ? <Alert>{error}</Alert> : null}
      {saved ? <Alert tone="info">Your name is now {name.trim()}.</Alert> : null}
      <TextField
        label="Display name"
        value={name}
        maxLength={NAME_MAX_LENGTH}
        onChange={(event) => setName(event.target.value)}
        hint="Shown on everything you post. Moderators can see earlier names."
      />
      <Button type="submit" variant="secondary" disabled={pending || name.trim() === current}>
        {pending ? "Saving…" : "Save name"}
      </Button>
    </form>
  );
}

export function EmailForm({
  email,
  verified,
  undeliverable,
  hasPassword,
}: {
  email: string;
  verified: boolean;
  undeliverable: string | null;
  hasPassword: boolean;
}) {
  const change = useServerAction({ refresh: false });
  const resend = useServerAction({ refresh: false });
  const [newEmail, setNewEmail] = useState("");
  const [password, setPassword] = useState("");
  const [pendingTo, setPendingTo] = useState<string | null>(null);
  const [resent, setResent] = useState(false);
  return (
    <div className={box}>
      <p>
        Your address is <strong>{email}</strong>{" "}
        {verified ? (
          <span className="text-sm text-emerald-800" data-testid="email-status">
            (confirmed)
          </span>
        ) : (
          <span className="text-sm text-amber-800" data-testid="email-status">
            (not confirmed yet)
          </span>
        )}
      </p>
      {undeliverable ? <Alert>Mail to this address could not be delivered (on {undeliverable}). Check the address, or change it below.</Alert> : null}
      {!verified ? (
        <div className="space-y-2">
          {resend.error ? <Alert>{resend.error}</Alert> : null}
          {resent ? <Alert tone="info">A new link is on its way to {email}.</Alert> : null}
          <Button
            variant="secondary"
            disabled={resend.pending}
            onClick={() =>
              resend.run(
                () => resendVerificationAction({}),
                () => setResent(true),
              )
            }
          >
            {resend.pending ? "Sending…" : "Send the confirmation link again"}
          </Button>
        </div>
      ) : null}
      <form
        aria-label="Change email"
        className="space-y-3 border-t border-line pt-3"
        onSubmit={(event) => {
          event.preventDefault();
          change.run(
            () => changeEmailAction({ newEmail, password: hasPassword ? password : undefined }),
            (data) => {
              setPendingTo(data.newEmail);
              setNewEmail("");
              setPassword("");
            },
          );
        }}
      >
        {change.error ? <Alert>{change.error}</Alert> : null}
        {pendingTo ? (
          <Alert tone="info">
            We mailed a link to {pendingTo}. Your address changes when you open it (within 24 hours). We told {email} too.
          </Alert>
        ) : null}
        <TextField label="New email address" type="email" autoComplete="email" maxLength={254} value={newEmail} onChange={(e) => setNewEmail(e.target.value)} />
        {hasPassword ? (
          <TextField
            label="Current password"
            type="password"
            autoComplete="current-password"
            maxLength={1024}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        ) : null}
        <Button type="submit" variant="secondary" disabled={change.pending || !newEmail.trim()}>
          {change.pending ? "Sending…" : "Change email"}
        </Button>
      </form>
    </div>
  );
}

export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const { pending, error, run } = useServerAction({ refresh: false });
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [done, setDone] = useState<number | null>(null);
  if (!hasPassword) {
    return (
      <p className={`${box} text-sm`}>
        You sign in through GitHub or Google. To add a password, sign out and use “Forgot password?” on the sign-in page with your address.
      </p>
    );
  }
  return (
    <form
      aria-label="Change password"
      className={box}
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        run(
          () => changePasswordAction({ currentPassword, newPassword }),
          (data) => {
            setDone(data.otherSessionsEnded);
            setCurrent("");
            setNew("");
          },
        );
      }}
    >
      {error ? <Alert>{error}</Alert> : null}
      {done !== null ? (
        <Alert tone="info">
          Password changed. {done === 0 ? "You were not signed in anywhere else." : `${count(done, "other session was", "other sessions were")} signed out.`}
        </Alert>
      ) : null}
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        maxLength={1024}
        value={currentPassword}
        onChange={(e) => setCurrent(e.target.value)}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        maxLength={128}
        value={newPassword}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Every other session is signed out.`}
        onChange={(e) => setNew(e.target.value)}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
