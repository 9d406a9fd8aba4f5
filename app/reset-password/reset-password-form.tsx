"use client";

import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useServerAction } from "@/components/use-server-action";
import { signInWithPassword } from "@/lib/auth/browser";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { resetPasswordAction } from "../forgot-password/actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const { pending, error, run } = useServerAction({ refresh: false });
  const [password, setPassword] = useState("");
  const [signInError, setSignInError] = useState<string | null>(null);
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () => resetPasswordAction({ token, password }),
          async ({ email }) => {
            const signedIn = await signInWithPassword(email, password, "/");
            if (!signedIn.ok) {
              setSignInError(`Your password is changed, but signing in failed: ${signedIn.message}`);
              return;
            }
            router.push("/settings?password=reset");
            router.refresh();
          },
        );
      }}
    >
      {error ? <Alert>{error}</Alert> : null}
      {signInError ? (
        <Alert>
          {signInError}{" "}
          <Link href="/signin" className="underline">
            Sign in
          </Link>
        </Alert>
      ) : null}
      <TextField
        label="New password"
        type="password"
        name="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={128}
        value={password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters, not easy to guess. Every other session is signed out.`}
        onChange={(e) => setPassword(e.target.value)}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Saving…" : "Set password and sign in"}
      </Button>
    </form>
  );
}
