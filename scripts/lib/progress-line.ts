import { serverEnv } from "@/lib/env";
// The progress line of a long command (npm run ingest, npm run export) on stderr, so stdout keeps only
// the result. It appears once the operation has run for PROGRESS_AFTER_MS (default one second: shorter
// ones need none). On a terminal it is one line rewritten in place; in a log (CI, a pipe) a line is
// written when the phase changes, once a second within a phase, and at the end.
export interface ProgressLine {
  /** `phase` names the step (a new one always gets a log line); `final` marks its last report. */
  update(text: string, step: { phase: string; final?: boolean }): void;
  /** Clears the line on a terminal; writes `text` as the last line when given. */
  finish(text?: string): void;
}

export function progressLine(
  command: string,
  { afterMs = serverEnv().PROGRESS_AFTER_MS, stream = process.stderr }: { afterMs?: number; stream?: NodeJS.WriteStream } = {},
): ProgressLine {
  const started = Date.now();
  const live = Boolean(stream.isTTY);
  let shown = false;
  let logged = "";
  return {
    update(text, { phase, final = false }) {
      const elapsed = Date.now() - started;
      if (elapsed < afterMs) return;
      shown = true;
      if (live) {
        stream.write(`\r${command}: ${text}\u001b[K`);
        return;
      }
      const key = `${phase}:${final ? "final" : Math.floor(elapsed / 1000)}`;
      if (key === logged) return;
      logged = key;
      stream.write(`${command}: ${text}\n`);
    },
    finish(text) {
      if (live && shown) stream.write("\r\u001b[K");
      if (text) stream.write(`${command}: ${text}\n`);
    },
  };
}
