"use client";

import { ROLES, type WordFilterMode } from "@/lib/vocabulary";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/use-server-action";
import { SETTING_RANGES, type SettingKey } from "@/lib/platform/setting-defaults";
import { addWordFilterAction, removeWordFilterAction, setRoleAction, updateSettingAction } from "./actions";

export function RoleSelect({ userId, role, disabled }: { userId: string; role: string; disabled: boolean }) {
  const { pending, error, run } = useServerAction();
  return (
    <span>
      <select
        aria-label="Role"
        defaultValue={role}
        disabled={disabled || pending}
        onChange={(event) => run(() => setRoleAction({ userId, role: event.target.value }))}
        className="rounded border border-line px-2 py-1"
      >
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      {error ? <Alert>{error}</Alert> : null}
    </span>
  );
}

export function WordFilterForm() {
  const [pattern, setPattern] = useState("");
  const [mode, setMode] = useState<WordFilterMode>("review");
  const { pending, error, run } = useServerAction();
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () => addWordFilterAction({ pattern, mode }),
          () => setPattern(""),
        );
      }}
    >
      <label className="text-sm">
        Word, or /regular expression/
        <input value={pattern} onChange={(event) => setPattern(event.target.value)} className="mt-1 block rounded border border-line px-2 py-1" />
      </label>
      <label className="text-sm">
        When it matches
        <select value={mode} onChange={(event) => setMode(event.target.value as WordFilterMode)} className="mt-1 block rounded border border-line px-2 py-1">
          <option value="review">Hold the post for review</option>
          <option value="block">Refuse the post</option>
        </select>
      </label>
      <Button type="submit" disabled={pending}>
        Add filter
      </Button>
      {error ? <Alert>{error}</Alert> : null}
    </form>
  );
}

export function RemoveFilter({ id }: { id: string }) {
  const { pending, run } = useServerAction();
  return (
    <Button variant="link" disabled={pending} onClick={() => run(() => removeWordFilterAction({ id }))}>
      Remove
    </Button>
  );
}

export function SettingInput({ settingKey, label, value }: { settingKey: SettingKey; label: string; value: number }) {
  const [current, setCurrent] = useState(String(value));
  const { pending, error, run } = useServerAction();
  return (
    <form
      className="flex flex-wrap items-center gap-2 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        run(() => updateSettingAction({ key: settingKey, value: Number(current) }));
      }}
    >
      <label className="w-80" htmlFor={`setting-${settingKey}`}>
        {label}
      </label>
      <input
        id={`setting-${settingKey}`}
        type="number"
        min={SETTING_RANGES[settingKey].min}
        max={SETTING_RANGES[settingKey].max}
        value={current}
        onChange={(event) => setCurrent(event.target.value)}
        className="w-24 rounded border border-line px-2 py-1"
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        Save
      </Button>
      {error ? <Alert>{error}</Alert> : null}
    </form>
  );
}
