// Every input of the debate's commands, as one zod schema each: the claim page's server actions, the
// public API (whose OpenAPI document is built from lib/api/schemas.ts, which reuses these) and the fast
// vote endpoint validate with the same rules and say the same things.
import { z } from "@/lib/zod";
import { RESPONSE_MAX, RESPONSE_MIN } from "@/lib/argument/response-rules";
import { zClaimVoteValue, zResponseVoteValue, zStance } from "@/lib/vocabulary";

/** An id in a request: the ids Arguably makes are cuid-like and far shorter than this. */
export const idSchema = z.string().min(1).max(64);

export const responseBodySchema = z
  .string({ error: "Write your response first." })
  .trim()
  .min(RESPONSE_MIN, `A response needs at least ${RESPONSE_MIN} characters.`)
  .max(RESPONSE_MAX, `A response can be at most ${RESPONSE_MAX.toLocaleString("en")} characters.`);

/** Chosen by the client for one submission, so a retry finds the response instead of posting twice. */
export const submissionKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "That submission could not be matched; reload and try again.");

export const MAX_SOURCES = 5;
export const SOURCE_QUOTE_MAX = 500;

/** A source a response cites: a web page, and optionally the words in it that the response relies on. */
export const sourceSchema = z.object({
  url: z
    .string({ error: "Give the source's web address." })
    .trim()
    .max(2_000, "That web address is too long (at most 2,000 characters).")
    .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "A source must be a web address starting with http:// or https://." })),
  quote: z
    .string()
    .trim()
    .max(SOURCE_QUOTE_MAX, `A quoted passage can be at most ${SOURCE_QUOTE_MAX} characters.`)
    .nullish()
    .transform((quote) => quote || null),
});
export type SourceInput = z.infer<typeof sourceSchema>;

export const sourcesSchema = z.array(sourceSchema).max(MAX_SOURCES, `A response can cite at most ${MAX_SOURCES} sources.`);

export const postResponseSchema = z.object({
  claimId: idSchema,
  parentId: idSchema.nullable(),
  stance: zStance,
  body: responseBodySchema,
  sources: sourcesSchema.optional(),
  submissionKey: submissionKeySchema.optional(),
});
export type PostResponseInput = z.infer<typeof postResponseSchema>;

export const editResponseSchema = z.object({
  responseId: idSchema,
  body: responseBodySchema,
  /** Absent: the sources stay as they are; a list replaces them. */
  sources: sourcesSchema.optional(),
  seenEditedAt: z.string().max(40).nullable(),
});
export type EditResponseInput = z.infer<typeof editResponseSchema>;

/** The body of a claim vote, wherever it arrives; unknown fields (a forged voter, say) are dropped. */
export const claimVoteSchema = z.object({ value: zClaimVoteValue.nullable() });

/** Words of a published article a reader raises as a claim (their offsets in its body, and the words). */
export const raiseClaimSchema = z.object({
  articleId: idSchema,
  start: z.number({ error: "Select some words of the article first." }).int().min(0),
  end: z.number({ error: "Select some words of the article first." }).int().min(0),
  /** The words as the reader's page showed them: finds them again if the article changed since. */
  quote: z.string().max(20_000, "That selection is far longer than a claim can be. Select one or two sentences."),
  /** What the reader wrote in the composer under the words: posted with the claim, in its transaction. */
  firstArgument: z
    .object({ stance: zStance, body: responseBodySchema, sources: sourcesSchema.optional() })
    .nullish()
    .transform((argument) => argument ?? null),
});
export type RaiseClaimInput = z.infer<typeof raiseClaimSchema>;

export const responseVoteSchema = z.object({ responseId: idSchema, value: zResponseVoteValue.nullable() });
/** "Needs a source" on a response: true asks for one, false takes it back. */
export const sourceRequestSchema = z.object({ responseId: idSchema, needsSource: z.boolean() });
export type SourceRequestInput = z.infer<typeof sourceRequestSchema>;
export type ResponseVoteInput = z.infer<typeof responseVoteSchema>;
