// Argdown (https://argdown.org): a claim's debate as an indented tree of statements. Under a statement,
// "+ " lines support it and "- " lines attack it:
//
//   [Claim]: Ukraine will not join NATO.
//     - [R1]: Several allies have said it will.
//       + [R2]: The 2008 Bucharest declaration says so.
//
// An article's file holds several claims, each unindented, under the article's title as a heading.
// We write the subset above and read it back; anything else is refused with the line it is on.
import { ExchangeFormatError, inTreeOrder, oneLine, type DebateTree } from "./debate-tree";

const CLAIM_LABEL = "Claim";
const INDENT = "  ";

function label(id: string) {
  return `R-${id}`.replace(/[[\]]/g, "");
}

export function toArgdown(tree: DebateTree): string {
  return `${treeLines(tree, CLAIM_LABEL).join("\n")}\n`;
}

/** Several claims' debates in one file (an article's), under its title as a heading. */
export function toArgdownDebates({ title, trees }: { title: string; trees: DebateTree[] }): string {
  const sections = trees.map((tree) => treeLines(tree, `C-${tree.claim.id}`.replace(/[[\]]/g, "")).join("\n"));
  return `${[`# ${oneLine(title)}`, ...sections].join("\n\n")}\n`;
}

function treeLines(tree: DebateTree, claimLabel: string) {
  const depth = new Map<string | null, number>([[null, 0]]);
  // Who marked the claim, as an Argdown comment: kept for people, ignored by parsers (ours included).
  const lines = [...(tree.claim.markedBy ? [`// ${oneLine(tree.claim.markedBy)}`] : []), `[${claimLabel}]: ${oneLine(tree.claim.text)}`];
  for (const response of inTreeOrder(tree)) {
    const level = depth.get(response.parentId)! + 1;
    depth.set(response.id, level);
    lines.push(`${INDENT.repeat(level)}${response.stance === "support" ? "+" : "-"} [${label(response.id)}]: ${oneLine(response.text)}`);
  }
  return lines;
}

const STATEMENT = /^\[([^\]]+)\]:\s*(\S.*)$/;
const RELATION = /^([+-])\s+\[([^\]]+)\]:\s*(\S.*)$/;
const HEADING = /^#{1,6}\s+(\S.*)$/;

/** One claim's debate; a file with several claims is refused (see parseArgdownDebates). */
export function parseArgdown(source: string): DebateTree {
  const { trees } = parseArgdownDebates(source);
  if (trees.length > 1) throw new ExchangeFormatError(`The file holds ${trees.length} claims; only one was expected here.`);
  return trees[0];
}

/** One or more claims' debates: each unindented "[Label]: text" starts a claim; the first heading is the title. */
export function parseArgdownDebates(source: string): { title: string | null; trees: DebateTree[] } {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  let title: string | null = null;
  const trees: DebateTree[] = [];
  let current: DebateTree | null = null;
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
    const heading = level === 0 ? HEADING.exec(content) : null;
    if (heading) {
      title ??= heading[1];
      return;
    }
    if (level === 0) {
      const match = STATEMENT.exec(content);
      if (!match) {
        throw new ExchangeFormatError(
          current
            ? `${where}: indent a response under the statement it answers ("  + [Label]: text"), or start a new claim as "[Label]: its text".`
            : `${where}: the file must start with the claim, as "[Claim]: its text".`,
        );
      }
      if (seen.has(match[1])) throw new ExchangeFormatError(`${where}: the label [${match[1]}] is used twice.`);
      seen.add(match[1]);
      current = { claim: { id: match[1], text: match[2] }, responses: [] };
      trees.push(current);
      open.splice(0, open.length, { id: null, level: 0 });
      return;
    }
    if (!current) throw new ExchangeFormatError(`${where}: the file must start with the claim, as "[Claim]: its text".`);
    const match = RELATION.exec(content);
    if (!match) throw new ExchangeFormatError(`${where}: expected "+ [Label]: text" (supports) or "- [Label]: text" (attacks) under the claim.`);
    while (open.length && open[open.length - 1].level >= level) open.pop();
    const parent = open[open.length - 1];
    if (!parent || parent.level !== level - 1) throw new ExchangeFormatError(`${where}: indented too deep (one level below the statement it answers).`);
    const [, sign, id, text] = match;
    if (seen.has(id)) throw new ExchangeFormatError(`${where}: the label [${id}] is used twice.`);
    seen.add(id);
    current.responses.push({ id, parentId: parent.id, stance: sign === "+" ? "support" : "oppose", text });
    open.push({ id, level });
  });
  if (!trees.length) throw new ExchangeFormatError('The file is empty: it must start with the claim, as "[Claim]: its text".');
  return { title, trees };
}
