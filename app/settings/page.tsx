import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { listAccessTokens } from "@/lib/accounts/access-tokens";
import { listAccountEvents } from "@/lib/accounts/account-events";
import { AccessTokens } from "./access-tokens";
import { AccountActivity } from "./account-activity";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/settings");
  const [tokens, events] = await Promise.all([listAccessTokens(user.id), listAccountEvents(user.id)]);
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <div>
        <h1 className="font-serif text-3xl font-semibold">Settings</h1>
        <p className="text-muted">
          Signed in as <strong>{user.name}</strong> ({user.email}).
        </p>
      </div>
      <section aria-labelledby="tokens-heading" className="space-y-4">
        <h2 id="tokens-heading" className="font-serif text-2xl font-semibold">
          Personal access tokens
        </h2>
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
      </section>
      <section aria-labelledby="activity-heading" className="space-y-4">
        <h2 id="activity-heading" className="font-serif text-2xl font-semibold">
          Account activity
        </h2>
        <AccountActivity events={events} />
      </section>
    </div>
  );
}
