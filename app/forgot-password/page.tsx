import type { Metadata } from "next";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Forgot your password?</h1>
      <p className="text-muted">Enter the email address of your account. We will mail you a link to choose a new password; it works once, for an hour.</p>
      <ForgotPasswordForm />
    </div>
  );
}
