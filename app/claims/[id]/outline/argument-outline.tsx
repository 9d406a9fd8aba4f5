"use client";
// The debate as an outline that works from the keyboard and with a screen reader: the WAI-ARIA tree
// pattern (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/) with one tab stop. Up/Down move through
// the visible items, Right opens an item or moves to its first reply, Left closes it or moves to its
// parent, Home/End go to the first/last item, Enter opens the response's thread.
import { count } from "@/lib/format";
import { hasGroundsForStrength } from "@/lib/argument/grounds";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { OutlineNode } from "@/lib/debate/discussion";

interface Visible {
  node: OutlineNode;
  level: number;
  parentId: string | null;
}

function flatten(nodes: OutlineNode[], open: Set<string>, level = 1, parentId: string | null = null, into: Visible[] = []) {
  for (const node of nodes) {
    into.push({ node, level, parentId });
    if (open.has(node.id)) flatten(node.children, open, level + 1, node.id, into);
  }
  return into;
}

export function ArgumentOutline({ roots }: { roots: OutlineNode[] }) {
  const router = useRouter();
  const [open, setOpen] = useState<Set<string>>(() => new Set(roots.map((root) => root.id)));
  const [focused, setFocused] = useState<string | null>(roots[0]?.id ?? null);
  const items = useRef(new Map<string, HTMLLIElement>());
  const visible = useMemo(() => flatten(roots, open), [roots, open]);

  const focus = (id: string | undefined) => {
    if (!id) return;
    setFocused(id);
    items.current.get(id)?.focus();
  };
  const toggle = (id: string, expand: boolean) =>
    setOpen((current) => {
      const next = new Set(current);
      if (expand) next.add(id);
      else next.delete(id);
      return next;
    });

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>, item: Visible) {
    const index = visible.findIndex((entry) => entry.node.id === item.node.id);
    const hasChildren = item.node.children.length > 0;
    const expanded = open.has(item.node.id);
    const keys: Record<string, () => void> = {
      ArrowDown: () => focus(visible[index + 1]?.node.id),
      ArrowUp: () => focus(visible[index - 1]?.node.id),
      Home: () => focus(visible[0]?.node.id),
      End: () => focus(visible[visible.length - 1]?.node.id),
      ArrowRight: () => (hasChildren && !expanded ? toggle(item.node.id, true) : hasChildren ? focus(item.node.children[0].id) : undefined),
      ArrowLeft: () => (hasChildren && expanded ? toggle(item.node.id, false) : focus(item.parentId ?? undefined)),
      Enter: () => router.push(`/responses/${item.node.id}`),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  }

  const render = (nodes: OutlineNode[], level: number, parentId: string | null) =>
    nodes.map((node, index) => {
      const expanded = open.has(node.id);
      // A figure only with grounds (lib/argument/grounds.ts): before that, the ratings speak for themselves.
      const figure = hasGroundsForStrength(node) ? `${Math.round(node.strength * 100)}% strength · ` : "";
      return (
        <li
          key={node.id}
          ref={(element) => {
            if (element) items.current.set(node.id, element);
            else items.current.delete(node.id);
          }}
          role="treeitem"
          aria-level={level}
          aria-setsize={nodes.length}
          aria-posinset={index + 1}
          aria-expanded={node.children.length ? expanded : undefined}
          aria-selected={focused === node.id}
          tabIndex={focused === node.id ? 0 : -1}
          onKeyDown={(event) => onKeyDown(event, { node, level, parentId })}
          onFocus={(event) => {
            if (event.target === event.currentTarget) setFocused(node.id);
          }}
          className="rounded outline-offset-2 focus:outline-2 focus:outline-accent"
          data-testid="outline-item"
        >
          <div className="flex flex-wrap items-baseline gap-2 py-1">
            {node.children.length ? (
              <button type="button" tabIndex={-1} aria-hidden="true" onClick={() => toggle(node.id, !expanded)} className="w-4 text-muted">
                {expanded ? "▾" : "▸"}
              </button>
            ) : (
              <span className="w-4" aria-hidden="true" />
            )}
            <span
              className={`rounded px-1.5 text-xs font-medium ${node.stance === "support" ? "bg-emerald-100 text-emerald-900" : "bg-rose-100 text-rose-900"}`}
            >
              {node.stance === "support" ? "✓ Supports" : "✗ Opposes"}
            </span>
            <span className="min-w-0 flex-1 text-sm">
              {node.text.replace(/\s+/g, " ").slice(0, 200)}
              {node.text.length > 200 ? "…" : ""}
            </span>
            <span className="text-xs text-muted">
              {figure}
              {node.strong} strong, {node.weak} weak
              {node.children.length ? ` · ${count(node.children.length, "reply", "replies")}` : ""}
            </span>
          </div>
          {node.children.length && expanded ? (
            <ul role="group" className="ml-5 border-l border-line pl-2">
              {render(node.children, level + 1, node.id)}
            </ul>
          ) : null}
        </li>
      );
    });

  if (!roots.length) return <p className="text-muted">No responses yet.</p>;
  return (
    <ul role="tree" aria-label="The debate as an outline" className="space-y-1">
      {render(roots, 1, null)}
    </ul>
  );
}
