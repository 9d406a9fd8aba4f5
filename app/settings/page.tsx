import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { getCurrentSessionId, getCurrentUser } from "@/lib/auth/session";
import { listAccessTokens } from "@/lib/accounts/access-tokens";
import { listAccountEvents } from "@/lib/accounts/account-events";
import { deviceName } from "@/lib/accounts/device-name";
import { readAccountSettings } from "@/lib/accounts/profile";
import { listLiveSessions } from "@/lib/accounts/user-sessions";
import { formatDate } from "@/lib/format";
import { AccessTokens } from "./access-tokens";
import { AccountActivity } from "./account-activity";
import { DisplayNameForm, EmailForm, PasswordForm } from "./account-forms";
import { DeleteAccount } from "./delete-account";
import { MailPreferences } from "./mail-preferences";
import { Sessions } from "./sessions";

export const metadata: Metadata = { title: "Settings" };

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="space-y-4">
      <h2 id={`${id}-heading`} className="font-serif text-2xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

const SECTIONS = [
  ["profile", "Profile"],
  ["email", "Email address"],
  ["password", "Password"],
  ["mail", "Mail"],
  ["sessions", "Sessions"],
  ["tokens", "Access tokens"],
  ["activity", "Activity"],
  ["data", "Your data"],
  ["submissions", "Submissions"],
  ["delete", "Delete account"],
] as const;

type Props = { searchParams: Promise<{ password?: string }> };

export default async function SettingsPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/settings");
  const [account, sessions, sessionId, tokens, events] = await Promise.all([
    readAccountSettings(user.id),
    listLiveSessions(user.id),
    getCurrentSessionId(),
    listAccessTokens(user.id),
    listAccountEvents(user.id),
  ]);
  const justReset = (await searchParams).password === "reset";
  return (
    <div className="mx-auto max-w-2xl space-y-10">
      <div className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">Settings</h1>
        <p className="text-muted">
          Signed in as <strong>{account.name}</strong> ({account.email}).
        </p>
        {justReset ? <Alert tone="info">Your new password is set, and every other session was signed out.</Alert> : null}
        <nav aria-label="Settings sections" className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
          {SECTIONS.map(([id, title]) => (
            <a key={id} href={`#${id}`} className="text-accent underline-offset-4 hover:underline">
              {title}
            </a>
          ))}
        </nav>
      </div>
      <Section id="profile" title="Profile">
        <DisplayNameForm name={account.name} />
      </Section>
      <Section id="email" title="Email address">
        <EmailForm
          email={account.email}
          verified={account.emailVerified !== null}
          undeliverable={account.mailUndeliverableAt ? formatDate(account.mailUndeliverableAt) : null}
          hasPassword={account.hasPassword}
        />
      </Section>
      <Section id="password" title="Password">
        <PasswordForm hasPassword={account.hasPassword} />
      </Section>
      <Section id="mail" title="Mail">
        <MailPreferences initial={account.mail} verified={account.emailVerified !== null} />
      </Section>
      <Section id="sessions" title="Where you are signed in">
        <Sessions
          sessions={sessions.map((session) => ({
            id: session.id,
            device: deviceName(session.userAgent),
            createdAt: formatDate(session.createdAt),
            current: session.id === sessionId,
          }))}
        />
      </Section>
      <Section id="tokens" title="Personal access tokens">
        <p className="text-sm text-muted">
          Tokens let your scripts and tools use the{" "}
          <Link href="/developers" className="text-accent underline">
            Arguably API
          </Link>{" "}
          as you: a <em>read</em> token raises your rate limit for reading; a <em>write</em> token can also post responses and vote in your name. Send it as{" "}
          <code className="rounded bg-stone-100 px-1">Authorization: Bearer &lt;token&gt;</code>. Revoke a token the moment you no longer need it or it may have
          leaked.
        </p>
        <AccessTokens
          tokens={tokens.map((token) => ({
            id: token.id,
            name: token.name,
            prefix: token.prefix,
            scope: token.scope,
            createdAt: token.createdAt.toISOString(),
            lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
            expiresAt: token.expiresAt?.toISOString() ?? null,
            state: token.state,
          }))}
        />
      </Section>
      <Section id="activity" title="Account activity">
        <AccountActivity events={events} />
      </Section>
      <Section id="data" title="Your data">
        <p className="text-sm">
          Everything Arguably holds about you, as one JSON file: your account, your responses with their earlier versions, your votes, follows and reports.{" "}
          <a href="/settings/data" className="text-accent underline" download>
            Download my data
          </a>
        </p>
      </Section>
      <Section id="submissions" title="Articles you submitted">
        <p>
          The articles you brought and where each stands (waiting for an editor, published, declined with the editor&apos;s reason) are on{" "}
          <Link href="/submissions" className="text-accent underline underline-offset-2">
            your submissions
          </Link>
          .{" "}
          <Link href="/submit" className="text-accent underline underline-offset-2">
            Submit an article
          </Link>
          .
        </p>
      </Section>
      <Section id="delete" title="Delete your account">
        <DeleteAccount hasPassword={account.hasPassword} />
      </Section>
    </div>
  );
}
