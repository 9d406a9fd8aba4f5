"use client";

import { Link } from "@/components/ui/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/use-server-action";
import { confirmEmailLinkAction } from "./actions";

export function ConfirmEmailButton({ token }: { token: string }) {
  const { pending, error, run } = useServerAction({ refresh: false });
  const [done, setDone] = useState<{ purpose: string; email: string } | null>(null);
  if (done) {
    return (
      <div className="space-y-4">
        <Alert tone="info">
          {done.purpose === "change_email" ? (
            <>
              Your account now uses <strong>{done.email}</strong>.
            </>
          ) : (
            <>
              Thank you: <strong>{done.email}</strong> is confirmed.
            </>
          )}
        </Alert>
        <p className="text-sm">
          <Link href="/" className="text-accent underline">
            Go to the debates
          </Link>{" "}
          ·{" "}
          <Link href="/settings" className="text-accent underline">
            Your settings
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      <Button disabled={pending} onClick={() => run(() => confirmEmailLinkAction({ token }), setDone)}>
        {pending ? "Confirming…" : "Confirm this address"}
      </Button>
    </div>
  );
}
