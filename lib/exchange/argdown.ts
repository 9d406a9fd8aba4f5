// Argdown (https://argdown.org): a claim's debate as an indented tree of statements. Under a statement,
// "+ " lines support it and "- " lines attack it:
//
//   [Claim]: Ukraine will not join NATO.
//     - [R1]: Several allies have said it will.
//       + [R2]: The 2008 Bucharest declaration says so.
//
// We write the subset above and read it back; anything else is refused with the line it is on.
import { ExchangeFormatError, inTreeOrder, oneLine, type DebateTree, type ExchangedResponse } from "./debate-tree";

const CLAIM_LABEL = "Claim";
const INDENT = "  ";

function label(id: string) {
  return `R-${id}`.replace(/[[\]]/g, "");
}

export function toArgdown(tree: DebateTree): string {
  const depth = new Map<string | null, number>([[null, 0]]);
  const lines = [`[${CLAIM_LABEL}]: ${oneLine(tree.claim.text)}`];
  for (const response of inTreeOrder(tree)) {
    const level = depth.get(response.parentId)! + 1;
    depth.set(response.id, level);
    lines.push(`${INDENT.repeat(level)}${response.stance === "support" ? "+" : "-"} [${label(response.id)}]: ${oneLine(response.text)}`);
  }
  return `${lines.join("\n")}\n`;
}

const STATEMENT = /^\[([^\]]+)\]:\s*(\S.*)$/;
const RELATION = /^([+-])\s+\[([^\]]+)\]:\s*(\S.*)$/;

export function parseArgdown(source: string): DebateTree {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  let claim: DebateTree["claim"] | null = null;
  const responses: ExchangedResponse[] = [];
  // The open statement at each indentation level: "the parent" of a deeper line.
  const open: { id: string | null; level: number }[] = [];
  const seen = new Set<string>();
  lines.forEach((raw, index) => {
    const where = `line ${index + 1}`;
    if (!raw.trim() || raw.trim().startsWith("//")) return;
    const indentation = /^ */.exec(raw)![0].length;
    if (raw.slice(indentation).startsWith("\t") || indentation % INDENT.length) throw new ExchangeFormatError(`${where}: indent with two spaces per level.`);
    const level = indentation / INDENT.length;
    const content = raw.trim();
    if (!claim) {
      const match = STATEMENT.exec(content);
      if (!match || level !== 0) throw new ExchangeFormatError(`${where}: the file must start with the claim, as "[Claim]: its text".`);
      claim = { id: match[1], text: match[2] };
      open.splice(0, open.length, { id: null, level: 0 });
      return;
    }
    const match = RELATION.exec(content);
    if (!match) throw new ExchangeFormatError(`${where}: expected "+ [Label]: text" (supports) or "- [Label]: text" (attacks) under the claim.`);
    if (level < 1) throw new ExchangeFormatError(`${where}: only one claim per file; indent responses under it.`);
    while (open.length && open[open.length - 1].level >= level) open.pop();
    const parent = open[open.length - 1];
    if (!parent || parent.level !== level - 1) throw new ExchangeFormatError(`${where}: indented too deep (one level below the statement it answers).`);
    const [, sign, id, text] = match;
    if (seen.has(id) || id === claim.id) throw new ExchangeFormatError(`${where}: the label [${id}] is used twice.`);
    seen.add(id);
    responses.push({ id, parentId: parent.id, stance: sign === "+" ? "support" : "oppose", text });
    open.push({ id, level });
  });
  if (!claim) throw new ExchangeFormatError("The file is empty: it must start with the claim, as \"[Claim]: its text\".");
  return { claim, responses };
}
