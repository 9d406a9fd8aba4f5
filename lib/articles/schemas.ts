// The inputs of an editor's review of a draft article, one zod schema each: the review page's server
// actions validate with them and the commands (./review-draft.ts, ./publish-article.ts) are typed by them.
import { z } from "@/lib/zod";
import { idSchema } from "@/lib/debate/schemas";

const offset = z.number().int().min(0).max(10_000_000);

/** What an editor can change in a draft's claims: one schema per kind, told apart by `kind`. */
export const draftChangeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("dismiss"), articleId: idSchema, claimId: idSchema }),
  z.object({
    kind: z.literal("reword"),
    articleId: idSchema,
    claimId: idSchema,
    text: z.string().trim().min(10, "A claim needs at least 10 characters.").max(1000, "A claim can be at most 1,000 characters."),
  }),
  z.object({ kind: z.literal("add"), articleId: idSchema, start: offset, end: offset }),
  z.object({ kind: z.literal("merge"), articleId: idSchema, firstId: idSchema, secondId: idSchema }),
  z.object({ kind: z.literal("split"), articleId: idSchema, claimId: idSchema, at: offset }),
]);
export type DraftChange = z.infer<typeof draftChangeSchema>;
export type DraftChangeKind = DraftChange["kind"];

export const publishArticleSchema = z.object({ articleId: idSchema });
