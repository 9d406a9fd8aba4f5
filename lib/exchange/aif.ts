// AIF JSON, the Argument Interchange Format as AIFdb and OVA exchange it: I-nodes hold statements (the
// claim and every response); a support is an RA-node with an edge from the supporting I-node to it and
// one from it to the supported I-node; an attack is a CA-node wired the same way.
import { z } from "@/lib/zod";
import { ExchangeFormatError, inTreeOrder, type DebateTree, type ExchangedResponse, type ExchangedSource } from "./debate-tree";

const Node = z.object({
  nodeID: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  type: z.string(),
  /** Ours (other tools ignore unknown fields): what a statement cites. */
  sources: z
    .array(z.object({ url: z.string(), quote: z.string().nullish() }))
    .max(100)
    .optional(),
});
const Edge = z.object({
  edgeID: z.union([z.string(), z.number()]).transform(String).optional(),
  fromID: z.union([z.string(), z.number()]).transform(String),
  toID: z.union([z.string(), z.number()]).transform(String),
});
const Document = z.object({ nodes: z.array(Node).max(100_000), edges: z.array(Edge).max(200_000) });

export type AifDocument = {
  nodes: { nodeID: string; text: string; type: "I" | "RA" | "CA"; timestamp?: string; sources?: ExchangedSource[] }[];
  edges: { edgeID: string; fromID: string; toID: string }[];
  locutions: never[];
};

export function toAif(tree: DebateTree): AifDocument {
  const nodes: AifDocument["nodes"] = [{ nodeID: tree.claim.id, text: tree.claim.text, type: "I" }];
  const edges: AifDocument["edges"] = [];
  for (const response of inTreeOrder(tree)) {
    const scheme = response.stance === "support" ? "RA" : "CA";
    const relation = `${scheme}-${response.id}`;
    nodes.push(
      { nodeID: response.id, text: response.text, type: "I", ...(response.sources?.length ? { sources: response.sources } : {}) },
      { nodeID: relation, text: response.stance === "support" ? "Default Inference" : "Default Conflict", type: scheme },
    );
    edges.push(
      { edgeID: `${relation}-from`, fromID: response.id, toID: relation },
      { edgeID: `${relation}-to`, fromID: relation, toID: response.parentId ?? tree.claim.id },
    );
  }
  return { nodes, edges, locutions: [] };
}

/** Several claims' debates (an article's) in one document: a forest, one tree per claim. */
export function toAifDebates(trees: DebateTree[]): AifDocument {
  const documents = trees.map(toAif);
  return { nodes: documents.flatMap((document) => document.nodes), edges: documents.flatMap((document) => document.edges), locutions: [] };
}

/** Reads an AIF document that is one claim's tree: every I-node but one (the claim) supports or attacks exactly one other. */
export function parseAif(json: unknown): DebateTree {
  const trees = parseAifDebates(json);
  if (trees.length !== 1) throw new ExchangeFormatError(`Expected exactly one claim (an I-node that answers nothing), found ${trees.length}.`);
  return trees[0];
}

/** Reads an AIF document of one or more claims' trees: each I-node that answers nothing is a claim. */
export function parseAifDebates(json: unknown): DebateTree[] {
  const parsed = Document.safeParse(json);
  if (!parsed.success)
    throw new ExchangeFormatError(`Not an AIF document: ${parsed.error.issues[0]?.path.join(".") || "the top level"}: ${parsed.error.issues[0]?.message}`);
  const { nodes, edges } = parsed.data;
  const byId = new Map(nodes.map((node) => [node.nodeID, node]));
  if (byId.size !== nodes.length) throw new ExchangeFormatError("Two nodes share a nodeID.");
  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, string[]>();
  for (const edge of edges) {
    if (!byId.has(edge.fromID) || !byId.has(edge.toID))
      throw new ExchangeFormatError(`Edge ${edge.edgeID ?? `${edge.fromID}→${edge.toID}`} names a node that does not exist.`);
    outgoing.set(edge.fromID, [...(outgoing.get(edge.fromID) ?? []), edge.toID]);
    incoming.set(edge.toID, [...(incoming.get(edge.toID) ?? []), edge.fromID]);
  }
  const statements = nodes.filter((node) => node.type === "I");
  const relations = nodes.filter((node) => node.type === "RA" || node.type === "CA");
  const other = nodes.find((node) => node.type !== "I" && node.type !== "RA" && node.type !== "CA");
  if (other) throw new ExchangeFormatError(`Node ${other.nodeID} has type ${other.type}; only I, RA and CA nodes are read (no dialogue or locution nodes).`);
  const parentOf = new Map<string, { parentId: string; stance: ExchangedResponse["stance"] }>();
  for (const relation of relations) {
    const from = incoming.get(relation.nodeID) ?? [];
    const to = outgoing.get(relation.nodeID) ?? [];
    if (from.length !== 1 || to.length !== 1)
      throw new ExchangeFormatError(`${relation.type} node ${relation.nodeID} must have one premise and one conclusion.`);
    if (byId.get(from[0])!.type !== "I" || byId.get(to[0])!.type !== "I")
      throw new ExchangeFormatError(`${relation.type} node ${relation.nodeID} must connect two I-nodes.`);
    if (parentOf.has(from[0])) throw new ExchangeFormatError(`I-node ${from[0]} answers more than one statement; a debate is a tree.`);
    parentOf.set(from[0], { parentId: to[0], stance: relation.type === "RA" ? "support" : "oppose" });
  }
  const roots = statements.filter((node) => !parentOf.has(node.nodeID));
  if (roots.length === 0) throw new ExchangeFormatError("Expected a claim (an I-node that answers nothing), found none.");
  // Every statement must lead to a claim (no cycles); the claim it leads to is its tree's.
  const claimOf = new Map<string, string>(roots.map((root) => [root.nodeID, root.nodeID]));
  for (const node of statements) {
    const path: string[] = [];
    let current = node.nodeID;
    while (!claimOf.has(current)) {
      if (path.includes(current)) throw new ExchangeFormatError(`I-node ${node.nodeID} is part of a cycle.`);
      path.push(current);
      current = parentOf.get(current)!.parentId;
    }
    for (const step of path) claimOf.set(step, claimOf.get(current)!);
  }
  return roots.map((claim) => {
    const tree: DebateTree = {
      claim: { id: claim.nodeID, text: claim.text },
      responses: statements
        .filter((node) => node !== claim && claimOf.get(node.nodeID) === claim.nodeID)
        .map((node) => {
          const { parentId, stance } = parentOf.get(node.nodeID)!;
          const sources = node.sources?.map((source) => ({ url: source.url, quote: source.quote ?? null }));
          return { id: node.nodeID, parentId: parentId === claim.nodeID ? null : parentId, stance, text: node.text, ...(sources ? { sources } : {}) };
        }),
    };
    return { ...tree, responses: inTreeOrder(tree) };
  });
}
