"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/use-server-action";
import type { MailPreferences as Preferences } from "@/lib/accounts/schemas";
import { mailPreferencesAction } from "./actions";

function Choice<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  options: [T, string][];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{legend}</legend>
      {options.map(([option, label]) => (
        <label key={option} className="flex items-center gap-2 text-sm">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

export function MailPreferences({ initial, verified }: { initial: Preferences; verified: boolean }) {
  const { pending, error, run } = useServerAction({ refresh: false });
  const [preferences, setPreferences] = useState(initial);
  const [saved, setSaved] = useState(false);
  const set = (change: Partial<Preferences>) => {
    setSaved(false);
    setPreferences((current) => ({ ...current, ...change }));
  };
  return (
    <form
      aria-label="Mail preferences"
      className="space-y-4 rounded-lg border border-line bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () => mailPreferencesAction(preferences),
          () => setSaved(true),
        );
      }}
    >
      {!verified ? <Alert tone="info">Arguably mails about debates only to confirmed addresses: confirm yours above first.</Alert> : null}
      {error ? <Alert>{error}</Alert> : null}
      {saved ? <Alert tone="info">Saved.</Alert> : null}
      <Choice
        legend="Replies to my responses"
        name="replyMail"
        value={preferences.replyMail}
        options={[
          ["immediate", "Mail me each one right away"],
          ["digest", "List them in my digest"],
          ["off", "Never mail me about them"],
        ]}
        onChange={(replyMail) => set({ replyMail })}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={preferences.followMail} onChange={(event) => set({ followMail: event.target.checked })} />
        List new responses on the claims and threads I follow in my digest
      </label>
      <Choice
        legend="Digest"
        name="digest"
        value={preferences.digest}
        options={[
          ["daily", "Daily"],
          ["weekly", "Weekly"],
          ["off", "Never"],
        ]}
        onChange={(digest) => set({ digest })}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save mail preferences"}
      </Button>
    </form>
  );
}
