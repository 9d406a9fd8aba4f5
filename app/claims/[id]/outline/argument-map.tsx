"use client";
// The debate as a picture: the claim at the top, each response below what it answers. Support and attack
// differ by more than colour: solid lines marked "+" against dashed lines marked "−", and every box says
// "Supports" or "Opposes". Zoom with the buttons or the wheel, drag to pan, choose a box to focus on its
// thread; "Fit" shows everything again. The outline below it is the same debate for keyboards and
// screen readers, so the picture itself is described once, as an image.
import type { Stance } from "@/lib/vocabulary";
import { useMemo, useRef, useState, type PointerEvent, type WheelEvent } from "react";
import type { OutlineNode } from "@/lib/debate/discussion";
import { hasGroundsForStrength } from "@/lib/argument/grounds";

const BOX_WIDTH = 180;
const BOX_HEIGHT = 64;
const GAP_X = 24;
const GAP_Y = 56;
export const MAP_MAX_NODES = 300;

interface Placed {
  id: string;
  stance: Stance | null;
  text: string;
  /** The box's standing as a figure, when it has grounds for one (lib/argument/grounds.ts). */
  figure: string | null;
  votes: string;
  x: number;
  y: number;
  parent: Placed | null;
  /** The horizontal extent of this box's thread, for focusing on it. */
  left: number;
  right: number;
  bottom: number;
}

/** A tidy top-down layout: leaves side by side in order, each parent centred over its children. */
function layout(claimText: string, roots: OutlineNode[], claimFigure: string | null) {
  const placed: Placed[] = [];
  let nextLeaf = 0;
  let budget = MAP_MAX_NODES;
  const place = (node: OutlineNode | null, depth: number, parent: Placed | null): Placed => {
    const entry: Placed = {
      id: node?.id ?? "claim",
      stance: node?.stance ?? null,
      text: node?.text ?? claimText,
      figure: node ? (hasGroundsForStrength(node) ? `${Math.round(node.strength * 100)}%` : null) : claimFigure,
      votes: node ? `${node.strong} strong · ${node.weak} weak` : "the claim",
      x: 0,
      y: depth * (BOX_HEIGHT + GAP_Y),
      parent,
      left: 0,
      right: 0,
      bottom: 0,
    };
    placed.push(entry);
    const children = (node ? node.children : roots).filter(() => budget-- > 0);
    const placedChildren = children.map((child) => place(child, depth + 1, entry));
    if (placedChildren.length) {
      entry.x = (placedChildren[0].x + placedChildren[placedChildren.length - 1].x) / 2;
      entry.left = Math.min(...placedChildren.map((child) => child.left));
      entry.right = Math.max(...placedChildren.map((child) => child.right));
      entry.bottom = Math.max(...placedChildren.map((child) => child.bottom));
    } else {
      entry.x = nextLeaf++ * (BOX_WIDTH + GAP_X);
      entry.left = entry.x;
      entry.right = entry.x;
      entry.bottom = entry.y;
    }
    return entry;
  };
  place(null, 0, null);
  return placed;
}

type Box = { x: number; y: number; width: number; height: number };

/** `claimFigure`: the claim's standing as a figure, when it has grounds for one. */
export function ArgumentMap({ claimText, claimFigure, roots, total }: { claimText: string; claimFigure: string | null; roots: OutlineNode[]; total: number }) {
  const placed = useMemo(() => layout(claimText, roots, claimFigure), [claimText, roots, claimFigure]);
  const everything = useMemo<Box>(() => {
    const xs = placed.map((entry) => entry.x);
    const ys = placed.map((entry) => entry.y);
    return {
      x: Math.min(...xs) - GAP_X,
      y: Math.min(...ys) - GAP_X,
      width: Math.max(...xs) - Math.min(...xs) + BOX_WIDTH + 2 * GAP_X,
      height: Math.max(...ys) - Math.min(...ys) + BOX_HEIGHT + 2 * GAP_X,
    };
  }, [placed]);
  const [view, setView] = useState<Box>(everything);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const drag = useRef<{ x: number; y: number; view: Box } | null>(null);
  const svg = useRef<SVGSVGElement>(null);

  const zoom = (factor: number) =>
    setView((current) => {
      const width = Math.min(Math.max(current.width * factor, BOX_WIDTH), everything.width * 4);
      const height = (current.height * width) / current.width;
      return { x: current.x + (current.width - width) / 2, y: current.y + (current.height - height) / 2, width, height };
    });
  const focusOn = (entry: Placed) => {
    setFocusedId(entry.id);
    const width = entry.right - entry.left + BOX_WIDTH + 2 * GAP_X;
    const height = entry.bottom - entry.y + BOX_HEIGHT + 2 * GAP_X;
    setView({ x: entry.left - GAP_X, y: entry.y - GAP_X, width, height });
  };
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if ((event.target as Element).closest("[data-node]")) return;
    drag.current = { x: event.clientX, y: event.clientY, view };
    svg.current?.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (!drag.current || !svg.current) return;
    const scale = drag.current.view.width / svg.current.clientWidth;
    setView({
      ...drag.current.view,
      x: drag.current.view.x - (event.clientX - drag.current.x) * scale,
      y: drag.current.view.y - (event.clientY - drag.current.y) * scale,
    });
  };
  const onWheel = (event: WheelEvent<SVGSVGElement>) => zoom(event.deltaY > 0 ? 1.2 : 1 / 1.2);

  const supports = placed.filter((entry) => entry.stance === "support").length;
  const attacks = placed.filter((entry) => entry.stance === "oppose").length;
  const description = `Argument map: the claim with ${supports} supporting and ${attacks} opposing responses${placed.length - 1 < total ? ` (the first ${placed.length - 1} of ${total})` : ""}. The outline below holds the same debate.`;
  return (
    <section aria-label="Argument map" className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <button type="button" onClick={() => zoom(1 / 1.4)} className="rounded-md border border-line bg-white px-2 py-1">
          Zoom in
        </button>
        <button type="button" onClick={() => zoom(1.4)} className="rounded-md border border-line bg-white px-2 py-1">
          Zoom out
        </button>
        <button
          type="button"
          onClick={() => {
            setView(everything);
            setFocusedId(null);
          }}
          className="rounded-md border border-line bg-white px-2 py-1"
        >
          Fit
        </button>
        <span className="text-muted">Choose a box to focus on its thread; drag to move.</span>
      </div>
      <svg
        ref={svg}
        role="img"
        aria-label={description}
        viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
        className="h-[28rem] w-full touch-none select-none rounded-lg border border-line bg-white"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        onWheel={onWheel}
        data-testid="argument-map"
      >
        {placed
          .filter((entry) => entry.parent)
          .map((entry) => {
            const parent = entry.parent!;
            const fromX = entry.x + BOX_WIDTH / 2;
            const toX = parent.x + BOX_WIDTH / 2;
            const fromY = entry.y;
            const toY = parent.y + BOX_HEIGHT;
            const support = entry.stance === "support";
            return (
              <g key={`edge-${entry.id}`} data-edge={support ? "support" : "attack"}>
                <line
                  x1={fromX}
                  y1={fromY}
                  x2={toX}
                  y2={toY}
                  className={support ? "stroke-emerald-600" : "stroke-rose-600"}
                  strokeWidth={2}
                  strokeDasharray={support ? undefined : "6 4"}
                />
                <text x={(fromX + toX) / 2 + 6} y={(fromY + toY) / 2} className={support ? "fill-emerald-700" : "fill-rose-700"} fontSize={16} fontWeight={700}>
                  {support ? "+" : "−"}
                </text>
              </g>
            );
          })}
        {placed.map((entry) => (
          <g key={entry.id} data-node={entry.id} transform={`translate(${entry.x} ${entry.y})`} onClick={() => focusOn(entry)} className="cursor-pointer">
            <rect
              width={BOX_WIDTH}
              height={BOX_HEIGHT}
              rx={6}
              className={`${entry.stance === "support" ? "fill-emerald-50 stroke-emerald-600" : entry.stance === "oppose" ? "fill-rose-50 stroke-rose-600" : "fill-amber-50 stroke-amber-500"}`}
              strokeWidth={focusedId === entry.id ? 3 : 1}
              strokeDasharray={entry.stance === "oppose" ? "6 4" : undefined}
            />
            {/* HTML inside the box: the browser wraps the words (breaking a word longer than the box) and ends a long text with "…". */}
            <foreignObject x={4} y={3} width={BOX_WIDTH - 8} height={BOX_HEIGHT - 6}>
              <div className="flex h-full flex-col overflow-hidden font-sans text-stone-900">
                <p data-label className="truncate text-[10px] leading-[14px] text-stone-600">
                  {entry.stance === "support" ? "✓ Supports" : entry.stance === "oppose" ? "✗ Opposes" : "Claim"}
                  {entry.figure ? ` · ${entry.figure}` : ""} · {entry.votes}
                </p>
                <p data-label className="line-clamp-3 text-[12px] leading-[14px] [overflow-wrap:anywhere]">
                  {entry.text}
                </p>
              </div>
            </foreignObject>
          </g>
        ))}
      </svg>
    </section>
  );
}
