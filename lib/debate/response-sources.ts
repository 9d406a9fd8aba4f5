// The sources a response cites (ResponseSource): written with the response in its transaction, read
// for the responses a page shows. Addresses were validated (lib/debate/schemas.ts sourceSchema).
import type { Prisma } from "@/lib/generated/prisma/client";
import { getReadDb } from "@/lib/db/client";
import type { SourceInput } from "./schemas";

export interface CitedSource {
  url: string;
  quote: string | null;
}

/** A response's sources, for a Prisma `select`: in the author's order, as every reader shows them. */
export const sourcesSelect = { orderBy: { position: "asc" }, select: { url: true, quote: true } } satisfies Prisma.Response$sourcesArgs;

/** Replaces the response's sources with `sources`, in the author's order. */
export async function writeSources(tx: Prisma.TransactionClient, responseId: string, sources: SourceInput[]) {
  await tx.responseSource.deleteMany({ where: { responseId } });
  if (sources.length) {
    await tx.responseSource.createMany({ data: sources.map((source, position) => ({ responseId, position, url: source.url, quote: source.quote })) });
  }
}

/** The sources of these responses, in order, by response. */
export async function sourcesOf(responseIds: string[]): Promise<Map<string, CitedSource[]>> {
  const bySource = new Map<string, CitedSource[]>();
  if (!responseIds.length) return bySource;
  const rows = await getReadDb().responseSource.findMany({
    where: { responseId: { in: responseIds } },
    orderBy: [{ responseId: "asc" }, sourcesSelect.orderBy],
    select: { responseId: true, ...sourcesSelect.select },
  });
  for (const row of rows) bySource.set(row.responseId, [...(bySource.get(row.responseId) ?? []), { url: row.url, quote: row.quote }]);
  return bySource;
}

/** The words a response's text and sources give a screen (word filter): the quotes are the author's words too. */
export function screenedText(body: string, sources: SourceInput[] | undefined) {
  return [body, ...(sources ?? []).flatMap((source) => [source.url, source.quote ?? ""])].join("\n");
}
