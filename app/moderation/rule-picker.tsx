"use client";
// The rule a moderator's decision cites and the note for the author: the same two fields for every
// decision in the queue, for locking an article and for sanctions (lib/moderation/rules.ts).
import type { SiteRuleView } from "@/lib/moderation/rules";

export function RulePicker({
  idPrefix,
  rules,
  ruleId,
  onRule,
  note,
  onNote,
}: {
  idPrefix: string;
  rules: SiteRuleView[];
  ruleId: string;
  onRule: (id: string) => void;
  note: string;
  onNote: (note: string) => void;
}) {
  const chosen = rules.find((rule) => rule.id === ruleId);
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      <label className="block text-sm" htmlFor={`${idPrefix}-rule`}>
        Rule (every decision but restore cites one)
        <select
          id={`${idPrefix}-rule`}
          value={ruleId}
          onChange={(event) => onRule(event.target.value)}
          className="mt-1 w-full rounded border border-line bg-white px-2 py-1"
        >
          <option value="">Choose a rule…</option>
          {rules.map((rule) => (
            <option key={rule.id} value={rule.id}>
              {rule.name}
            </option>
          ))}
        </select>
        {chosen ? <span className="mt-1 block text-xs text-muted">{chosen.text}</span> : null}
      </label>
      <label className="block text-sm" htmlFor={`${idPrefix}-note`}>
        Note for the author{chosen?.needsNote ? " (required for this rule)" : " (optional)"}; the public log shows it too
        <input
          id={`${idPrefix}-note`}
          value={note}
          onChange={(event) => onNote(event.target.value)}
          maxLength={1000}
          className="mt-1 w-full rounded border border-line px-2 py-1"
        />
      </label>
    </div>
  );
}
