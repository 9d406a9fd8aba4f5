import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getDb } from "@/lib/db/client";
import { checkEmailToken } from "@/lib/accounts/email-tokens";
import { ZEmailLinkToken } from "@/lib/accounts/schemas";
import { Alert } from "@/components/ui/alert";
import { ConfirmEmailButton } from "./confirm-email-button";

export const metadata: Metadata = { title: "Confirm your email address", referrer: "no-referrer" };

type Props = { searchParams: Promise<{ token?: string }> };

/**
 * Opened from a verification or email-change mail. Opening it changes nothing (mail scanners open
 * links too); the button does.
 */
export default async function VerifyEmailPage({ searchParams }: Props) {
  const parsed = ZEmailLinkToken.safeParse((await searchParams).token);
  const link = parsed.success
    ? await checkEmailToken(getDb(), parsed.data, ["verify_email", "change_email"])
    : { ok: false as const, message: "This link is not valid. Open it from the mail again." };
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Confirm your email address</h1>
      {link.ok && parsed.success ? (
        <>
          <p>
            Confirm that <strong>{link.token.email}</strong> is {link.token.purpose === "change_email" ? "your account's new address" : "your address"}.
          </p>
          <ConfirmEmailButton token={parsed.data} />
        </>
      ) : (
        <div className="space-y-4" data-testid="bad-link">
          <Alert>{link.message}</Alert>
          <p className="text-sm">
            You can send a new link from your{" "}
            <Link href="/settings" className="text-accent underline">
              settings
            </Link>
            .
          </p>
        </div>
      )}
    </div>
  );
}
