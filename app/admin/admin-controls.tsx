"use client";

import { ROLES, type WordFilterMode } from "@/lib/vocabulary";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/use-server-action";
import { SETTING_RANGES, type SettingKey } from "@/lib/platform/setting-defaults";
import type { SiteRuleView } from "@/lib/moderation/rules";
import { addWordFilterAction, removeWordFilterAction, retireSiteRuleAction, saveSiteRuleAction, setRoleAction, updateSettingAction } from "./actions";

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

/**
 * One of the site's rules, editable in place; with no rule, the form that adds one. Reports offer the
 * rules in force and every moderation action cites one (lib/moderation/rules.ts).
 */
export function SiteRuleForm({ rule }: { rule: SiteRuleView | null }) {
  const [name, setName] = useState(rule?.name ?? "");
  const [text, setText] = useState(rule?.text ?? "");
  const [needsNote, setNeedsNote] = useState(rule?.needsNote ?? false);
  const { pending, error, run } = useServerAction();
  const idPrefix = `rule-${rule?.id ?? "new"}`;
  return (
    <form
      className="space-y-2 rounded border border-line bg-white p-3 text-sm"
      aria-label={rule ? `Rule: ${rule.name}` : "Add a rule"}
      data-testid="site-rule"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () => saveSiteRuleAction({ id: rule?.id ?? null, name, text, needsNote }),
          () => {
            if (!rule) {
              setName("");
              setText("");
              setNeedsNote(false);
            }
          },
        );
      }}
    >
      <div className="grid gap-2 sm:grid-cols-[18rem_1fr]">
        <label htmlFor={`${idPrefix}-name`}>
          Name
          <input
            id={`${idPrefix}-name`}
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={60}
            className="mt-1 block w-full rounded border border-line px-2 py-1"
          />
        </label>
        <label htmlFor={`${idPrefix}-text`}>
          What it means
          <input
            id={`${idPrefix}-text`}
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={400}
            className="mt-1 block w-full rounded border border-line px-2 py-1"
          />
        </label>
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={needsNote} onChange={(event) => setNeedsNote(event.target.checked)} />A report or action under this rule must say more
        in its note
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={pending}>
          {rule ? "Save rule" : "Add rule"}
        </Button>
        {rule ? (
          <Button type="button" variant="secondary" disabled={pending} onClick={() => run(() => retireSiteRuleAction({ id: rule.id, retired: !rule.retired }))}>
            {rule.retired ? "Bring back" : "Retire"}
          </Button>
        ) : null}
        {rule?.retired ? <span className="text-muted">Retired: no longer offered; kept where it was cited.</span> : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
    </form>
  );
}
