import { describeStanding } from "@/lib/argument/standing";

/** A claim's or response's standing in [0, 1], as a bar with words (never colour alone). */
export function StandingBar({ value, compact = false, name = "Standing" }: { value: number; compact?: boolean; name?: string }) {
  const percent = Math.round(value * 100);
  const label = `${describeStanding(value)} (${percent}%)`;
  return (
    <div className={compact ? "flex items-center gap-2 text-xs" : "space-y-1"}>
      <div
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={name}
        aria-valuetext={label}
        className={`${compact ? "w-16" : "w-full"} h-2 overflow-hidden rounded-full bg-rose-200`}
      >
        <div className="h-full bg-emerald-600" style={{ width: `${percent}%` }} />
      </div>
      <span className={compact ? "text-muted" : "text-sm text-muted"} data-testid={name === "Standing" ? "standing-label" : undefined}>
        {label}
      </span>
    </div>
  );
}
