// The commands' progress line: nothing for quick operations, one line rewritten in place on a
// terminal, and in a log a line per phase and second plus the last report.
import { afterEach, describe, expect, test, vi } from "vitest";
import { progressLine } from "@/scripts/lib/progress-line";

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream, written };
}

afterEach(() => vi.useRealTimers());

describe("progress line", () => {
  test("says nothing during the first second", () => {
    vi.useFakeTimers();
    const { stream, written } = fakeStream(false);
    const line = progressLine("export", { afterMs: 1000, stream });
    line.update("Preparing the export…", { phase: "preparing" });
    vi.advanceTimersByTime(999);
    line.update("Preparing the export…", { phase: "preparing" });
    expect(written).toEqual([]);
    vi.advanceTimersByTime(1);
    line.update("Preparing the export… 1 s", { phase: "preparing" });
    expect(written).toEqual(["export: Preparing the export… 1 s\n"]);
  });

  test("in a log: a line when the phase changes, once a second within it, and the final report", () => {
    vi.useFakeTimers();
    const { stream, written } = fakeStream(false);
    const line = progressLine("export", { afterMs: 0, stream });
    line.update("Preparing", { phase: "preparing" });
    line.update("Preparing", { phase: "preparing" });
    line.update("10%", { phase: "receiving" });
    line.update("20%", { phase: "receiving" });
    vi.advanceTimersByTime(1000);
    line.update("60%", { phase: "receiving" });
    line.update("100%", { phase: "receiving", final: true });
    line.finish("done");
    expect(written).toEqual(["export: Preparing\n", "export: 10%\n", "export: 60%\n", "export: 100%\n", "export: done\n"]);
  });

  test("on a terminal: one line rewritten in place, cleared at the end", () => {
    const { stream, written } = fakeStream(true);
    const line = progressLine("ingest", { afterMs: 0, stream });
    line.update("1 of 2 paragraphs", { phase: "detecting" });
    line.update("2 of 2 paragraphs", { phase: "detecting", final: true });
    line.finish();
    expect(written).toEqual(["\ringest: 1 of 2 paragraphs\u001b[K", "\ringest: 2 of 2 paragraphs\u001b[K", "\r\u001b[K"]);
  });
});
