// A debate from another tool (Argdown or AIF, read by lib/exchange) becomes a new draft "article" whose
// text is the claim, with that one claim and the whole response tree, for an editor to review and
// publish like any import. One transaction: all of it or nothing. The responses are posted in the
// importing editor's name (the files carry no accounts); counts and standings follow by trigger.
import { createHash, randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { UserFacingError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { RESPONSE_MAX } from "@/lib/argument/response-rules";
import { inTreeOrder, type DebateTree } from "@/lib/exchange/debate-tree";
import { createWithFreeSlug } from "./import-article";

export const MAX_IMPORTED_RESPONSES = 5_000;

export async function importDebate({ tree, source, importedById }: { tree: DebateTree; source: string; importedById: string }) {
  const claimText = tree.claim.text.trim();
  if (!claimText) throw new UserFacingError("The claim has no text.", 400);
  if (tree.responses.length > MAX_IMPORTED_RESPONSES) {
    throw new UserFacingError(`That debate has ${tree.responses.length.toLocaleString("en")} responses; at most ${MAX_IMPORTED_RESPONSES.toLocaleString("en")} can be imported at once.`, 400);
  }
  const tooLong = tree.responses.find((response) => response.text.length > RESPONSE_MAX);
  if (tooLong) throw new UserFacingError(`The response "${tooLong.text.slice(0, 40)}…" is longer than ${RESPONSE_MAX.toLocaleString("en")} characters.`, 400);
  const empty = tree.responses.find((response) => !response.text.trim());
  if (empty) throw new UserFacingError(`The response labelled ${empty.id} has no text.`, 400);

  const sourceHash = createHash("sha256").update(`debate:${source}`).digest("hex");
  const select = { id: true, slug: true, title: true, status: true } as const;
  const existing = await getDb().article.findUnique({ where: { sourceHash }, select });
  if (existing) return { article: existing, created: false };

  const newIds = new Map(tree.responses.map((response) => [response.id, randomUUID()]));
  const title = `Debate: ${claimText.length > 120 ? `${claimText.slice(0, 117)}…` : claimText}`;
  return createWithFreeSlug(title, sourceHash, select, (slug) =>
    getDb().$transaction(async (tx) => {
      const article = await tx.article.create({
        data: {
          slug,
          title,
          body: claimText,
          blocks: [{ kind: "paragraph", start: 0, end: claimText.length }] as unknown as Prisma.InputJsonValue,
          sourceHash,
          importedById,
          status: "draft",
        },
        select,
      });
      const claim = await tx.claim.create({
        data: { articleId: article.id, start: 0, end: claimText.length, exact: claimText, prefix: "", suffix: "", text: claimText, origin: "editor" },
        select: { id: true },
      });
      // Parents first, so each reply's parent exists when it is inserted.
      await tx.response.createMany({
        data: inTreeOrder(tree).map((response) => ({
          id: newIds.get(response.id)!,
          claimId: claim.id,
          parentId: response.parentId ? newIds.get(response.parentId)! : null,
          stance: response.stance,
          body: response.text,
          authorId: importedById,
        })),
      });
      return article;
    }),
  );
}
