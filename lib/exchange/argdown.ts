// Argdown (https://argdown.org): a claim's debate as an indented tree of statements. Under a statement,
// "+ " lines support it and "- " lines attack it:
//
//   [Claim]: Ukraine will not join NATO.
//     - [R1]: Several allies have said it will.
//       + [R2]: The 2008 Bucharest declaration says so.
//
// An article's file holds several claims, each unindented, under the article's title as a heading.
// Files are read with the reference parser, @argdown/core (decision 020), so any Argdown file whose
// statements and arguments form trees imports; what a debate cannot hold is refused with its line.
import {
  ArgdownApplication,
  ArgdownTypes,
  DataPlugin,
  ModelPlugin,
  ParserPlugin,
  RelationType,
  StatementRole,
  type IArgument,
  type IEquivalenceClass,
  type IRelation,
} from "@argdown/core";
import { z } from "@/lib/zod";
import { ExchangeFormatError, inTreeOrder, oneLine, type DebateTree, type ExchangedResponse } from "./debate-tree";

const CLAIM_LABEL = "Claim";
const INDENT = "  ";

/**
 * Characters the Argdown lexer reads as syntax anywhere in a line (statement and argument brackets,
 * data, comments, tags, emphasis, mentions, escapes), escaped with a backslash. "." and ":" are syntax
 * only before another non-space character (".name." and ":name:" are special-character shortcodes), and
 * "=" only in a run: the 1.x lexer (@argdown/core 1.7, decision 021) reads "===" … "===" anywhere in a
 * file as YAML front matter.
 */
const SYNTAX = /[\\[\]<>{}#*_@/]|[.:](?=\S)|=(?==)|(?<==)=/g;

export function escapeArgdown(text: string) {
  return oneLine(text).replace(SYNTAX, (character) => `\\${character}`);
}

/** A title inside [ ]: the lexer allows anything but the closing bracket and line breaks. */
function title(id: string) {
  return id.replace(/[[\]\r\n]/g, "");
}

export function toArgdown(tree: DebateTree): string {
  return `${treeLines(tree, CLAIM_LABEL).join("\n")}\n`;
}

/** Several claims' debates in one file (an article's), under its title as a heading. */
export function toArgdownDebates({ title: heading, trees }: { title: string; trees: DebateTree[] }): string {
  const sections = trees.map((tree) => treeLines(tree, title(`C-${tree.claim.id}`)).join("\n"));
  return `${[`# ${escapeArgdown(heading)}`, ...sections].join("\n\n")}\n`;
}

function treeLines(tree: DebateTree, claimLabel: string) {
  const depth = new Map<string | null, number>([[null, 0]]);
  // Who marked the claim, as an Argdown comment: kept for people, skipped by parsers. A "*/" or line
  // break in a name cannot end it early: "//" comments run to the end of the line and oneLine removes breaks.
  const lines = [...(tree.claim.markedBy ? [`// ${oneLine(tree.claim.markedBy)}`] : []), `[${claimLabel}]: ${escapeArgdown(tree.claim.text)}`];
  for (const response of inTreeOrder(tree)) {
    const level = depth.get(response.parentId)! + 1;
    depth.set(response.id, level);
    lines.push(
      `${INDENT.repeat(level)}${response.stance === "support" ? "+" : "-"} [${title(`R-${response.id}`)}]: ${escapeArgdown(response.text)}${sourcesData(response.sources)}`,
    );
  }
  return lines;
}

/**
 * Sources as the statement's Argdown data (YAML; JSON is YAML): ` {"sources":[{"url":…,"quote":…}]}`.
 * Inside its strings, braces (which the lexer could read as the end of the data) are
 * written as \u escapes, which YAML reads back as the same characters.
 */
function sourcesData(sources: ExchangedResponse["sources"]) {
  if (!sources?.length) return "";
  const json = JSON.stringify({ sources: sources.map((source) => (source.quote ? { url: source.url, quote: source.quote } : { url: source.url })) });
  return ` ${json.replace(/"(?:[^"\\]|\\.)*"/g, (string) => string.replace(/[{}]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`))}`;
}

const DataSources = z.array(z.object({ url: z.string(), quote: z.string().nullish() })).max(100);

let application: ArgdownApplication | null = null;

function argdownApplication() {
  if (!application) {
    application = new ArgdownApplication();
    application.addPlugin(new ParserPlugin(), "parse-input");
    application.addPlugin(new DataPlugin(), "build-model");
    application.addPlugin(new ModelPlugin(), "build-model");
  }
  return application;
}

/** One claim's debate; a file with several claims is refused (see parseArgdownDebates). */
export function parseArgdown(source: string): DebateTree {
  const { trees } = parseArgdownDebates(source);
  if (trees.length > 1) throw new ExchangeFormatError(`The file holds ${trees.length} claims; only one was expected here.`);
  return trees[0];
}

/** A statement (equivalence class) or an argument: the nodes of Argdown's graph. */
interface GraphNode {
  key: string;
  label: string;
  text: string | null;
  line: number;
  sources?: ExchangedResponse["sources"];
}

const STANCE_OF: Partial<Record<RelationType, ExchangedResponse["stance"]>> = {
  [RelationType.SUPPORT]: "support",
  [RelationType.ENTAILS]: "support",
  [RelationType.ATTACK]: "oppose",
  [RelationType.CONTRARY]: "oppose",
  [RelationType.UNDERCUT]: "oppose",
};

/**
 * One or more claims' debates. Every statement or argument that supports or attacks nothing is a claim;
 * each other one is a response to the one statement or argument it supports or attacks. The first
 * heading is the title.
 */
export function parseArgdownDebates(source: string): { title: string | null; trees: DebateTree[] } {
  if (!source.trim()) throw new ExchangeFormatError(EMPTY);
  // The lexer needs a final line break to close the last statement's indentation.
  const input = `${source.replace(/\r\n?/g, "\n")}\n`;
  let response;
  try {
    response = argdownApplication().run({ input, process: ["parse-input", "build-model"], logLevel: "error" });
  } catch (error) {
    throw new ExchangeFormatError(`That is not a file Argdown can read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const syntaxError = response.lexerErrors?.[0] ?? null;
  if (syntaxError) throw new ExchangeFormatError(`line ${syntaxError.line ?? "?"}: ${syntaxError.message}`);
  const parserError = response.parserErrors?.[0];
  if (parserError) throw new ExchangeFormatError(`line ${parserError.token?.startLine ?? "?"}: ${parserError.message}`);

  // A statement that exists only inside an argument's premises and conclusion is part of that argument:
  // what attacks or supports it, attacks or supports the argument.
  const partOf = new Map<string, string>();
  const implied: Relation[] = [];
  const nodes = new Map<string, GraphNode>();
  for (const argument of Object.values(response.arguments ?? {})) {
    const key = argumentKey(argument.title!);
    nodes.set(
      key,
      argumentNode(argument, (title) => latestText(response.statements?.[title])),
    );
    for (const step of argument.pcs ?? []) {
      const statement = response.statements?.[step.title!];
      if (!statement) continue;
      const onlyInside = statement.members.every((member) => PCS_ROLES.has(member.role!));
      if (onlyInside) {
        if (!partOf.has(statementKey(step.title!))) partOf.set(statementKey(step.title!), key);
      } else if (step.role === StatementRole.MAIN_CONCLUSION) {
        // An argument whose conclusion is a statement of the debate supports it.
        implied.push({ from: key, to: statementKey(step.title!), relationType: RelationType.SUPPORT, line: nodes.get(key)!.line });
      }
    }
  }
  for (const statement of Object.values(response.statements ?? {})) {
    if (!partOf.has(statementKey(statement.title!))) nodes.set(statementKey(statement.title!), statementNode(statement));
  }
  const keyOf = (node: IRelation["from"]) => {
    const key = node!.type === ArgdownTypes.ARGUMENT ? argumentKey(node!.title!) : statementKey(node!.title!);
    return partOf.get(key) ?? key;
  };
  const stated: Relation[] = (response.relations ?? []).map((relation) => ({
    from: keyOf(relation.from),
    to: keyOf(relation.to),
    relationType: relation.relationType!,
    line: firstLine(relation),
  }));

  // What each node answers: its one outgoing support or attack, in the order the file states them.
  const answers = new Map<string, { parent: string; stance: ExchangedResponse["stance"]; line: number }>();
  const relations = [...stated, ...implied].filter((relation) => relation.from !== relation.to).sort((a, b) => a.line - b.line);
  for (const { from, to, line, relationType } of relations) {
    const stance = STANCE_OF[relationType];
    if (!stance) {
      throw new ExchangeFormatError(
        `line ${line}: ${nodes.get(from)!.label} and ${nodes.get(to)!.label} contradict each other, which has no direction; a debate needs one side to answer the other (write "-" or "->").`,
      );
    }
    const earlier = answers.get(from);
    if (earlier && earlier.parent !== to) {
      throw new ExchangeFormatError(
        `line ${line}: ${nodes.get(from)!.label} answers both ${nodes.get(earlier.parent)!.label} (line ${earlier.line}) and ${nodes.get(to)!.label}; a response answers one statement, so keep one of the two relations.`,
      );
    }
    if (earlier && earlier.stance !== stance) {
      throw new ExchangeFormatError(`line ${line}: ${nodes.get(from)!.label} both supports and attacks ${nodes.get(to)!.label}; keep one of the two.`);
    }
    answers.set(from, { parent: to, stance, line });
  }

  for (const [key, answer] of answers) {
    // Following the answers from any node must end at a claim, never come back to where it started.
    const path = new Set([key]);
    for (let next = answer.parent; answers.has(next); next = answers.get(next)!.parent) {
      if (path.has(next))
        throw new ExchangeFormatError(`line ${answer.line}: ${nodes.get(key)!.label} ends up answering itself (a cycle); a debate is a tree.`);
      path.add(next);
    }
  }

  const children = new Map<string, string[]>();
  for (const [key, answer] of answers) children.set(answer.parent, [...(children.get(answer.parent) ?? []), key]);
  const withText = (key: string) => {
    const node = nodes.get(key)!;
    if (!node.text)
      throw new ExchangeFormatError(`line ${node.line}: ${node.label} is referred to but never given a text (write "${node.label}: its text" once).`);
    return node.text;
  };
  const claims = [...nodes.keys()].filter((key) => !answers.has(key) && (children.has(key) || nodes.get(key)!.text));
  claims.sort((a, b) => nodes.get(a)!.line - nodes.get(b)!.line);
  const trees = claims.map((claimKey) => {
    const responses: ExchangedResponse[] = [];
    const visit = (parentKey: string, parentId: string | null) => {
      for (const key of children.get(parentKey) ?? []) {
        const node = nodes.get(key)!;
        responses.push({ id: node.label, parentId, stance: answers.get(key)!.stance, text: withText(key), ...(node.sources ? { sources: node.sources } : {}) });
        visit(key, nodes.get(key)!.label);
      }
    };
    visit(claimKey, null);
    return { claim: { id: nodes.get(claimKey)!.label, text: withText(claimKey) }, responses };
  });
  if (!trees.length) throw new ExchangeFormatError(EMPTY);
  const heading = (response.sections ?? [])[0]?.title;
  return { title: heading ? oneLine(heading) : null, trees };
}

const EMPTY = 'The file holds no statement: it must hold at least the claim, as "[Claim]: its text".';

const statementKey = (label: string) => `statement:${label}`;
const argumentKey = (label: string) => `argument:${label}`;

interface Relation {
  from: string;
  to: string;
  relationType: RelationType;
  line: number;
}

const PCS_ROLES = new Set<StatementRole>([StatementRole.PREMISE, StatementRole.INTERMEDIARY_CONCLUSION, StatementRole.MAIN_CONCLUSION]);

function firstLine(relation: IRelation) {
  return Math.min(...relation.occurrences.map((occurrence) => occurrence.startLine ?? Number.MAX_SAFE_INTEGER));
}

/** The last text a statement is given: Argdown lets a later definition of the same title reword it. */
function latestText(statement: IEquivalenceClass | undefined) {
  const texts = (statement?.members ?? []).filter((member) => member.text?.trim());
  return texts.length ? oneLine(texts[texts.length - 1].text!) : null;
}

function statementNode(statement: IEquivalenceClass): GraphNode {
  const lines = statement.members.map((member) => member.startLine ?? Number.MAX_SAFE_INTEGER);
  const node: GraphNode = { key: statementKey(statement.title!), label: `[${statement.title}]`, text: latestText(statement), line: Math.min(...lines) };
  // Sources in the statement's data (as we write them); other data is Argdown's own business.
  const cited = statement.members.map((member) => (member.data as { sources?: unknown } | undefined)?.sources).find((sources) => sources !== undefined);
  if (cited !== undefined) {
    const parsed = DataSources.safeParse(cited);
    if (!parsed.success) throw new ExchangeFormatError(`line ${node.line}: the sources of ${node.label} must be a list of { url, quote }.`);
    node.sources = parsed.data.map((source) => ({ url: source.url, quote: source.quote ?? null }));
  }
  return node;
}

/** An argument's text: its description, else its premises and conclusion as one sentence. */
function argumentNode(argument: IArgument, statementText: (title: string) => string | null): GraphNode {
  const descriptions = argument.members.filter((member) => member.text?.trim());
  const lines = [
    ...argument.members.map((member) => member.startLine ?? Number.MAX_SAFE_INTEGER),
    ...(argument.pcs ?? []).map((step) => step.startLine ?? Number.MAX_SAFE_INTEGER),
  ];
  let text = descriptions.length ? oneLine(descriptions[descriptions.length - 1].text!) : null;
  if (!text && argument.pcs?.length) {
    const [conclusion, ...premises] = argument.pcs.map((step) => statementText(step.title!) ?? "").reverse();
    premises.reverse();
    text = premises.length ? `${premises.join(" ")} Therefore: ${conclusion}` : conclusion;
  }
  return { key: argumentKey(argument.title!), label: `<${argument.title}>`, text: text || null, line: Math.min(...lines) };
}
