// Whole-tree views (exports, the outline) show what readers see: hidden and removed responses, and
// everything below them, are left out; deleted ones keep their place (their replies still answer them)
// with "[deleted]" as text. Row order does not matter: an imported debate's responses share one
// creation time, so a reply can come before its parent.

interface TreeRow {
  id: string;
  parentId: string | null;
  body: string;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  removedAt: Date | null;
}

/** The rows readers see, in the given order. A row whose parent is not among `rows` is left out too. */
export function asReadersSeeThem<T extends TreeRow>(rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const shown = new Map<string, boolean>();
  const isShown = (row: T): boolean => {
    // Walk up to the first row already settled (or the claim), then settle the path on the way back.
    const path: T[] = [];
    let verdict = true;
    for (let current: T | undefined = row; current; ) {
      const known = shown.get(current.id);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      path.push(current);
      if (current.hiddenAt || current.removedAt) {
        verdict = false;
        break;
      }
      if (current.parentId === null) break;
      current = byId.get(current.parentId);
      if (!current) verdict = false;
    }
    for (let index = path.length - 1; index >= 0; index--) {
      const step = path[index];
      verdict = verdict && !step.hiddenAt && !step.removedAt;
      shown.set(step.id, verdict);
    }
    return shown.get(row.id)!;
  };
  return rows.filter(isShown).map((row) => (row.deletedAt ? { ...row, body: "[deleted]" } : row));
}
