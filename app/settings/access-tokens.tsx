"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useServerAction } from "@/components/use-server-action";
import { createTokenAction, revokeTokenAction } from "./actions";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scope: "read" | "write";
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  state: "active" | "revoked" | "expired";
}

const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });

export function AccessTokens({ tokens }: { tokens: TokenRow[] }) {
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  return (
    <div className="space-y-6">
      {created ? <NewToken {...created} onDone={() => setCreated(null)} /> : <CreateTokenForm onCreated={setCreated} />}
      <TokenList tokens={tokens} />
    </div>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (created: { token: string; name: string }) => void }) {
  const { pending, error, run } = useServerAction();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<"read" | "write">("read");
  const [expiry, setExpiry] = useState<"30" | "90" | "365" | "never">("90");
  return (
    <form
      className="space-y-4 rounded-lg border border-line bg-white p-4"
      aria-label="New access token"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () => createTokenAction({ name, scope, expiry }),
          (data) => {
            setName("");
            onCreated({ token: data.token, name });
          },
        );
      }}
    >
      <TextField
        label="Token name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        maxLength={60}
        required
        hint="What it is for, e.g. “classroom export script”."
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">What it may do</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="scope" value="read" checked={scope === "read"} onChange={() => setScope("read")} /> Read only
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="scope" value="write" checked={scope === "write"} onChange={() => setScope("write")} /> Read, post responses and vote as me
        </label>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="token-expiry" className="block text-sm font-medium">
          Expires
        </label>
        <select
          id="token-expiry"
          value={expiry}
          onChange={(event) => setExpiry(event.target.value as typeof expiry)}
          className="rounded-md border border-line bg-white px-3 py-2"
        >
          <option value="30">in 30 days</option>
          <option value="90">in 90 days</option>
          <option value="365">in a year</option>
          <option value="never">never</option>
        </select>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create token"}
      </Button>
    </form>
  );
}

function NewToken({ token, name, onDone }: { token: string; name: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-3 rounded-lg border border-emerald-300 bg-emerald-50 p-4" role="status">
      <p className="text-sm font-medium">Your new token “{name}”. Copy it now: it will not be shown again.</p>
      <label htmlFor="new-token" className="sr-only">
        New token
      </label>
      <input
        id="new-token"
        readOnly
        value={token}
        data-testid="new-token"
        className="w-full rounded-md border border-line bg-white px-3 py-2 font-mono text-sm"
        onFocus={(event) => event.target.select()}
      />
      <div className="flex gap-2">
        <Button
          variant="secondary"
          onClick={() => {
            navigator.clipboard?.writeText(token).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}

function TokenList({ tokens }: { tokens: TokenRow[] }) {
  const { pending, error, run } = useServerAction();
  if (tokens.length === 0) return <p className="text-sm text-muted">You have no tokens.</p>;
  return (
    <div className="space-y-2">
      {error ? <Alert>{error}</Alert> : null}
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Your access tokens</caption>
        <thead className="text-muted">
          <tr>
            <th scope="col" className="py-1 pr-2 font-medium">
              Name
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Scope
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Last used
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Expires
            </th>
            <th scope="col" className="py-1 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {tokens.map((token) => (
            <tr key={token.id} data-testid="token-row" className={token.state === "active" ? "" : "text-muted"}>
              <td className="py-2 pr-2">
                <span className="font-medium">{token.name}</span> <code className="text-xs">{token.prefix}…</code>
                <div className="text-xs text-muted">Created {day(token.createdAt)}</div>
              </td>
              <td className="py-2 pr-2">{token.scope === "write" ? "read and write" : "read"}</td>
              <td className="py-2 pr-2">{token.lastUsedAt ? day(token.lastUsedAt) : "never"}</td>
              <td className="py-2 pr-2">{token.expiresAt ? day(token.expiresAt) : "never"}</td>
              <td className="py-2 text-right">
                {token.state === "active" ? (
                  <Button
                    variant="secondary"
                    disabled={pending}
                    aria-label={`Revoke ${token.name}`}
                    onClick={() => {
                      if (window.confirm(`Revoke “${token.name}”? Anything using it stops working at once.`))
                        run(() => revokeTokenAction({ tokenId: token.id }));
                    }}
                  >
                    Revoke
                  </Button>
                ) : (
                  <span>{token.state}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
