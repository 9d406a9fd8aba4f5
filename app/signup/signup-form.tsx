"use client";

import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { signInWithPassword } from "@/lib/auth/browser";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import type { SignUpFieldErrors } from "@/lib/auth/sign-up-schema";
import { signUp } from "./actions";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [values, setValues] = useState({ name: "", email: "", password: "" });
  const [fieldErrors, setFieldErrors] = useState<SignUpFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const field = (name: keyof typeof values) => ({
    name,
    value: values[name],
    error: fieldErrors[name],
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value })),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    startTransition(async () => {
      let result;
      try {
        result = await signUp(values);
      } catch {
        // Oversized or malformed submissions are refused before our code runs.
        setFormError("We could not accept that submission. Check that every field has a sensible length and try again.");
        return;
      }
      if (!result.ok) {
        setFieldErrors(result.fieldErrors);
        setFormError(result.formError ?? null);
        return;
      }
      setFieldErrors({});
      const signedIn = await signInWithPassword(values.email, values.password, callbackUrl);
      if (!signedIn.ok) {
        router.push(`/signin?error=SignUpNotSignedIn${callbackUrl !== "/" ? `&callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`);
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-describedby={formError ? "signup-error" : undefined}>
      {formError ? (
        <div id="signup-error">
          <Alert>{formError}</Alert>
        </div>
      ) : null}
      <TextField label="Display name" autoComplete="nickname" required maxLength={50} {...field("name")} />
      <TextField label="Email" type="email" autoComplete="email" required maxLength={254} {...field("email")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={128}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong password.`}
        {...field("password")}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-muted">
        Already have an account?{" "}
        <Link href="/signin" className="text-accent underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
