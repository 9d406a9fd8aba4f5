import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getDb } from "@/lib/db/client";
import { checkEmailToken } from "@/lib/accounts/email-tokens";
import { ZEmailLinkToken } from "@/lib/accounts/schemas";
import { Alert } from "@/components/ui/alert";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

type Props = { searchParams: Promise<{ token?: string }> };

/** Opened from the reset mail. Looking at the page uses nothing up: only submitting the form does. */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const parsed = ZEmailLinkToken.safeParse((await searchParams).token);
  const link = parsed.success ? await checkEmailToken(getDb(), parsed.data, ["password_reset"]) : { ok: false as const, message: "This link is not valid." };
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Choose a new password</h1>
      {link.ok && parsed.success ? (
        <ResetPasswordForm token={parsed.data} />
      ) : (
        <div className="space-y-4" data-testid="bad-link">
          <Alert>{link.message}</Alert>
          <p className="text-sm">
            <Link href="/forgot-password" className="text-accent underline">
              Ask for a new link
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
