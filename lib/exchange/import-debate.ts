// Debates from another tool (Argdown or AIF, read by lib/exchange) become a new draft "article" whose
// text is the claims, one paragraph each, with each claim's whole response tree, for an editor to review and
// publish like any import. One transaction: all of it or nothing. The responses are posted in the
// importing editor's name (the files carry no accounts); counts and standings follow by trigger.
import { createHash, randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { RESPONSE_MAX } from "@/lib/argument/response-rules";
import { inTreeOrder, type DebateTree } from "@/lib/exchange/debate-tree";
import { createWithFreeSlug } from "@/lib/articles/import-article";
import { sourcesSchema, type SourceInput } from "@/lib/debate/schemas";

export const MAX_IMPORTED_RESPONSES = 5_000;

/** Responses inserted per statement, and per progress report. */
const BATCH = 500;

export interface ImportProgress {
  stage: "saving";
  done: number;
  total: number;
  unit: "responses";
}

/**
 * One or more claims' debates (an article export holds several) as one draft: its text is the claims,
 * a paragraph each, each paragraph one claim with its tree. `onProgress` hears of every batch saved.
 */
export async function importDebates({
  trees,
  title,
  source,
  importedById,
  onProgress,
}: {
  trees: DebateTree[];
  title: string | null;
  source: string;
  importedById: string;
  onProgress?: (progress: ImportProgress) => void;
}) {
  const claimTexts = trees.map((tree) => tree.claim.text.replace(/\s+/g, " ").trim());
  if (!trees.length || claimTexts.some((text) => !text)) throw new AppError("invalid_request", "A claim in that file has no text.");
  const total = trees.reduce((sum, tree) => sum + tree.responses.length, 0);
  if (total > MAX_IMPORTED_RESPONSES) {
    throw new AppError(
      "invalid_request",
      `That file has ${total.toLocaleString("en")} responses; at most ${MAX_IMPORTED_RESPONSES.toLocaleString("en")} can be imported at once.`,
    );
  }
  const responses = trees.flatMap((tree) => tree.responses);
  const tooLong = responses.find((response) => response.text.length > RESPONSE_MAX);
  if (tooLong)
    throw new AppError("invalid_request", `The response "${tooLong.text.slice(0, 40)}…" is longer than ${RESPONSE_MAX.toLocaleString("en")} characters.`);
  const empty = responses.find((response) => !response.text.trim());
  if (empty) throw new AppError("invalid_request", `The response labelled ${empty.id} has no text.`);
  // Sources obey the rules of sources posted on the site (http(s) addresses, short quotes, at most five).
  const sourcesOf = new Map<string, SourceInput[]>();
  for (const response of responses) {
    if (!response.sources?.length) continue;
    const parsed = sourcesSchema.safeParse(response.sources);
    if (!parsed.success) throw new AppError("invalid_request", `The sources of the response labelled ${response.id}: ${parsed.error.issues[0]?.message}`);
    sourcesOf.set(response.id, parsed.data);
  }

  const sourceHash = createHash("sha256").update(`debate:${source}`).digest("hex");
  const select = { id: true, slug: true, title: true, status: true } as const;
  const existing = await getDb().article.findUnique({ where: { sourceHash }, select });
  if (existing) return { article: existing, created: false };

  const newIds = new Map(responses.map((response) => [response.id, randomUUID()]));
  const shorten = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);
  const articleTitle = shorten(
    title?.trim() || (trees.length === 1 ? `Debate: ${claimTexts[0]}` : `Debates: ${claimTexts[0]} (and ${trees.length - 1} more)`),
    200,
  );
  // The claims as paragraphs, each claim anchored to its whole paragraph.
  const paragraphs: { start: number; end: number }[] = [];
  let body = "";
  for (const text of claimTexts) {
    if (body) body += "\n\n";
    paragraphs.push({ start: body.length, end: body.length + text.length });
    body += text;
  }
  const startedAt = Date.now();
  return createWithFreeSlug(articleTitle, sourceHash, select, (slug) =>
    getDb().$transaction(
      async (tx) => {
        const article = await tx.article.create({
          data: {
            slug,
            title: articleTitle,
            body,
            blocks: paragraphs.map((paragraph) => ({ kind: "paragraph", ...paragraph })) as unknown as Prisma.InputJsonValue,
            sourceHash,
            importedById,
            status: "draft",
          },
          select,
        });
        let done = 0;
        // A millisecond apart, ending now: the file's order is the debate's order of posting, which
        // exports and "newest" keep (rows saved in one statement would otherwise share one time).
        const postedAt = (index: number) => new Date(startedAt - (total - index));
        onProgress?.({ stage: "saving", done, total, unit: "responses" });
        for (const [index, tree] of trees.entries()) {
          const { start, end } = paragraphs[index];
          const text = claimTexts[index];
          const claim = await tx.claim.create({
            data: {
              articleId: article.id,
              start,
              end,
              exact: text,
              prefix: body.slice(Math.max(0, start - 32), start),
              suffix: body.slice(end, end + 32),
              text,
              origin: "editor",
            },
            select: { id: true },
          });
          // Parents first, so each reply's parent exists when it is inserted.
          const ordered = inTreeOrder(tree);
          for (let offset = 0; offset < ordered.length; offset += BATCH) {
            await tx.response.createMany({
              data: ordered.slice(offset, offset + BATCH).map((response, index) => ({
                id: newIds.get(response.id)!,
                claimId: claim.id,
                parentId: response.parentId ? newIds.get(response.parentId)! : null,
                stance: response.stance,
                body: response.text,
                authorId: importedById,
                createdAt: postedAt(done + index),
              })),
            });
            const cited = ordered.slice(offset, offset + BATCH).flatMap((response) =>
              (sourcesOf.get(response.id) ?? []).map((source, position) => ({
                responseId: newIds.get(response.id)!,
                position,
                url: source.url,
                quote: source.quote,
              })),
            );
            if (cited.length) await tx.responseSource.createMany({ data: cited });
            done += Math.min(BATCH, ordered.length - offset);
            onProgress?.({ stage: "saving", done, total, unit: "responses" });
          }
        }
        return article;
      },
      // Triggers keep every count and standing current as rows arrive: a large debate takes a while.
      { timeout: 120_000 },
    ),
  );
}
