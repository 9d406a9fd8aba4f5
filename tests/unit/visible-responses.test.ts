// Exports and the outline show a debate as readers see it, whatever order its rows come in.
import { describe, expect, test } from "vitest";
import { asReadersSeeThem } from "@/lib/data/visible-responses";

const row = (id: string, parentId: string | null, flags: { deleted?: boolean; hidden?: boolean; removed?: boolean } = {}) => ({
  id,
  parentId,
  body: `text of ${id}`,
  deletedAt: flags.deleted ? new Date() : null,
  hiddenAt: flags.hidden ? new Date() : null,
  removedAt: flags.removed ? new Date() : null,
});

describe("a debate as readers see it", () => {
  test("leaves out hidden and removed responses with everything below them, even when replies come first", () => {
    // Replies before their parents: an imported debate's rows share one creation time.
    const rows = [row("a1a", "a1"), row("a1", "a"), row("b1", "b"), row("c1", "c"), row("a", null), row("b", null, { hidden: true }), row("c", null, { removed: true })];
    expect(asReadersSeeThem(rows).map((shown) => shown.id)).toEqual(["a1a", "a1", "a"]);
  });

  test("keeps deleted responses in place as [deleted], and drops replies whose parent is missing", () => {
    const shown = asReadersSeeThem([row("r", null, { deleted: true }), row("r1", "r"), row("orphan", "not-loaded")]);
    expect(shown.map(({ id, body }) => [id, body])).toEqual([["r", "[deleted]"], ["r1", "text of r1"]]);
  });
});
