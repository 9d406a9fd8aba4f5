import { formatDate } from "@/lib/format";
import type { AccountEventKind } from "@/lib/generated/prisma/enums";

const WHAT_HAPPENED: Record<AccountEventKind, string> = {
  sign_up_attempt: "Someone tried to create an account with your email address. If it was not you, nothing was created and you need do nothing.",
  sign_in_locked: "Signing in to your account was paused after too many wrong passwords. If it was not you, choose a stronger password.",
  password_changed: "Your password was changed, and every other session was signed out. If it was not you, reset your password at once.",
  email_changed: "Your account's email address was changed.",
  signed_out_everywhere: "You signed out everywhere.",
};

/** What happened to the account that its owner should know of (lib/accounts/account-events.ts). */
export function AccountActivity({ events }: { events: { id: string; kind: AccountEventKind; createdAt: Date }[] }) {
  if (events.length === 0) return <p className="text-sm text-muted">Nothing unusual has happened to your account.</p>;
  return (
    <ul className="divide-y divide-line rounded-lg border border-line bg-white text-sm" data-testid="account-activity">
      {events.map((event) => (
        <li key={event.id} className="px-4 py-3">
          <span className="text-muted">{formatDate(event.createdAt)}:</span> {WHAT_HAPPENED[event.kind]}
        </li>
      ))}
    </ul>
  );
}
