// A claim's debate as exchanged with other argument-mapping tools (Argdown, AIF): the claim and its
// responses, each supporting or attacking its parent. Pure: formats convert to and from this shape.
import type { Stance } from "@/lib/vocabulary";
export interface ExchangedSource {
  url: string;
  quote: string | null;
}

export interface ExchangedResponse {
  id: string;
  /** null: it answers the claim itself. */
  parentId: string | null;
  stance: Stance;
  text: string;
  /** What it cites; formats write it where they have room (Argdown data, an AIF node's field, a CSV column). */
  sources?: ExchangedSource[];
}

export interface DebateTree {
  /** `markedBy`: who marked the claim, in readers' words ("Raised by Ada"); written where a format has room. */
  claim: { id: string; text: string; markedBy?: string };
  responses: ExchangedResponse[];
}

export class ExchangeFormatError extends Error {
  override name = "ExchangeFormatError";
}

/** Responses ordered parents first (a stable order for writing files and comparing trees). */
export function inTreeOrder(tree: DebateTree): ExchangedResponse[] {
  const children = new Map<string | null, ExchangedResponse[]>();
  for (const response of tree.responses) children.set(response.parentId, [...(children.get(response.parentId) ?? []), response]);
  const ordered: ExchangedResponse[] = [];
  const visit = (parentId: string | null) => {
    for (const child of children.get(parentId) ?? []) {
      ordered.push(child);
      visit(child.id);
    }
  };
  visit(null);
  return ordered;
}

/** One line of text: formats that are line-based cannot hold line breaks inside a statement. */
export function oneLine(text: string) {
  return text.replace(/\s+/g, " ").trim();
}
