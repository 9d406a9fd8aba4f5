// Editors curating the claims of a published article, readers' claims above all: accept one as an
// editor's claim (its raiser stays named), reword it, merge it into the claim it repeats (its responses,
// votes and follows move along) or remove it. One command with a kind, behind one permission check
// (lib/policy: "claim.curate"); every change is one transaction with its entry in the public log.
import { z } from "@/lib/zod";
import { CLAIM_MAX_CHARS } from "@/lib/argument/raise-rules";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MIN_CLAIM_CHARS } from "@/lib/ingest/spans";
import { announce } from "@/lib/live/publish";
import { can, type Actor } from "@/lib/policy";
import { lockArticle } from "@/lib/articles/article-row-lock";
import { recordClaimLabels } from "@/lib/ingest/claim-labels";
import { log, resolveOpenReports } from "@/lib/moderation/log";

export const CURATION_ACTIONS = ["accept", "reword", "merge", "remove"] as const;
export type CurationAction = (typeof CURATION_ACTIONS)[number];

const id = z.string().min(1).max(64);
export const curateClaimSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept"), claimId: id, version: z.number().int() }),
  z.object({
    action: z.literal("reword"),
    claimId: id,
    version: z.number().int(),
    text: z
      .string()
      .trim()
      .min(MIN_CLAIM_CHARS, `A claim needs at least ${MIN_CLAIM_CHARS} characters.`)
      .max(CLAIM_MAX_CHARS, `A claim can be at most ${CLAIM_MAX_CHARS} characters.`),
  }),
  z.object({ action: z.literal("merge"), claimId: id, version: z.number().int(), intoClaimId: id }),
  z.object({
    action: z.literal("remove"),
    claimId: id,
    version: z.number().int(),
    reason: z
      .string({ error: "Give a reason: readers and the raiser see it in the log." })
      .trim()
      .min(3, "Give a reason: readers and the raiser see it in the log.")
      .max(500, "Keep the reason under 500 characters."),
  }),
]);
export type Curation = z.infer<typeof curateClaimSchema>;

export async function curateClaim(editor: Actor, curation: Curation) {
  if (!can(editor, "claim.curate")) throw new AppError("forbidden", "Only editors can change the claims of a published article.");
  return getDb().$transaction(async (tx) => {
    const found = await tx.claim.findUnique({ where: { id: curation.claimId }, select: { articleId: true } });
    if (!found) throw new AppError("not_found", "That claim does not exist.");
    // The article's lock orders this after any raise or merge in the same article (./article-lock.ts).
    await lockArticle(tx, found.articleId);
    const claim = await tx.claim.findUniqueOrThrow({
      where: { id: curation.claimId },
      select: { id: true, articleId: true, text: true, exact: true, origin: true, hiddenAt: true, moderationVersion: true },
    });
    const stale = () => new AppError("conflict", "Someone changed this claim while you were looking at it. Reload to see what they did.");
    if (claim.moderationVersion !== curation.version) throw stale();
    if (claim.hiddenAt) throw new AppError("conflict", "That claim is withheld from readers; restore it from the moderation queue first.");
    // Like a moderator's action (./moderation.ts), the change applies only to the version the editor saw:
    // a moderator's change committed since the read above makes it fail instead of being overwritten.
    const changed = async (data: Prisma.ClaimUpdateManyMutationInput & { duplicateOfId?: string }) => {
      const updated = await tx.claim.updateMany({
        where: { id: claim.id, moderationVersion: curation.version },
        data: { ...data, moderationVersion: { increment: 1 } },
      });
      if (updated.count !== 1) throw stale();
    };
    const target = { type: "claim" as const, id: claim.id };
    const logged = (action: string, reason: string) => log(tx, { moderatorId: editor.id, action, targetType: "claim", targetId: claim.id, reason });
    switch (curation.action) {
      case "accept":
        if (claim.origin !== "reader") throw new AppError("conflict", "Only a claim raised by a reader can be accepted.");
        await changed({ origin: "editor" });
        await logged("accept_claim", "A reader's claim accepted as an editor's claim");
        // A reader saw a claim the detector missed, and an editor agreed: the detector learns from it.
        await recordClaimLabels(tx, [{ articleId: claim.articleId, sentence: claim.exact, decision: "reader_accepted" }]);
        break;
      case "reword":
        await changed({ text: curation.text });
        await logged("edit_claim", `Reworded from “${claim.text}” to “${curation.text}”`);
        break;
      case "merge": {
        const into = await tx.claim.findFirst({ where: { id: curation.intoClaimId, articleId: claim.articleId, hiddenAt: null }, select: { id: true } });
        if (!into || into.id === claim.id) throw new AppError("invalid_request", "Choose another claim of the same article to merge into.");
        await changed({ hiddenAt: new Date(), duplicateOfId: into.id });
        await tx.$executeRaw`select arguably_move_debate(${claim.id}, ${into.id})`;
        await resolveOpenReports(tx, target, "upheld");
        await logged("merge_claim", `Merged into claim ${into.id}; its responses, votes and follows moved there`);
        await announce(tx, { type: "claim", claimId: into.id, articleId: claim.articleId });
        break;
      }
      case "remove":
        await changed({ hiddenAt: new Date() });
        await resolveOpenReports(tx, target, "upheld");
        await logged("remove", curation.reason);
        break;
    }
    await announce(tx, { type: "claim", claimId: claim.id, articleId: claim.articleId });
  });
}
