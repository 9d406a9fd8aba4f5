// Every input of readers' submissions, one zod schema each, shared by the server action, the share
// target and the commands' types.
import { z } from "@/lib/zod";
import { idSchema } from "@/lib/debate/schemas";

/** Any http(s) address; whether it may be fetched is decided when it is (lib/net/fetch-page.ts). */
const address = z
  .string({ error: "Give the article's address." })
  .trim()
  .min(1, "Give the article's address.")
  .max(2000, "That address is too long.")
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), "Give the article's address, starting with https:// or http://.");

export const submitArticleSchema = z.object({
  url: address,
  /** The page's text, pasted, when it cannot (or should not) be fetched. */
  text: z.string().trim().max(2_000_000, "The pasted text is longer than 2 MB.").nullable().optional(),
  /** Words selected on the page, to raise as the first claim once published. */
  selection: z.string().trim().max(600, "Select at most 600 characters to raise as a claim.").nullable().optional(),
});
export type SubmitArticleInput = z.infer<typeof submitArticleSchema>;

export const declineSubmissionSchema = z.object({
  articleId: idSchema,
  reason: z.string().trim().min(3, "Say why, in a few words: the reader will see it.").max(500, "Keep the reason under 500 characters."),
});
