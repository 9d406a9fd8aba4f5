"use client";

import { Link } from "@/components/ui/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useServerAction } from "@/components/use-server-action";
import { forgotPasswordAction } from "./actions";

export function ForgotPasswordForm() {
  const { pending, error, run } = useServerAction({ refresh: false });
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  if (sentTo) {
    return (
      <div className="space-y-4">
        <Alert tone="info">
          If <strong>{sentTo}</strong> has an account here, a link to choose a new password is on its way. Check your inbox (and the spam folder) in a minute.
        </Alert>
        <p className="text-sm text-muted">
          Nothing came?{" "}
          <Button variant="link" onClick={() => setSentTo(null)}>
            Try again
          </Button>{" "}
          or{" "}
          <Link href="/signin" className="text-accent underline">
            go back to sign in
          </Link>
          .
        </p>
      </div>
    );
  }
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () => forgotPasswordAction({ email }),
          () => setSentTo(email.trim()),
        );
      }}
    >
      {error ? <Alert>{error}</Alert> : null}
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="email"
        required
        maxLength={254}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Sending…" : "Mail me a link"}
      </Button>
      <p className="text-center text-sm text-muted">
        Remembered it?{" "}
        <Link href="/signin" className="text-accent underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
