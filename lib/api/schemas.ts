// The public API's shapes (decision 014), as zod schemas: route handlers validate requests with them
// and the OpenAPI document (./openapi.ts) is generated from them, so the two cannot drift apart.
// Output schemas are strict (no undocumented fields); the contract tests hold real answers to them.
import { z } from "@/lib/zod";
import { RESPONSE_MAX, RESPONSE_MIN } from "@/lib/argument/response-rules";
import {
  claimVoteSchema,
  idSchema,
  MAX_SOURCES,
  postResponseSchema,
  raiseClaimSchema,
  responseBodySchema,
  responseVoteSchema,
  sourcesSchema,
} from "@/lib/debate/schemas";
import { zClaimOrigin, zClaimVoteValue, zResponseVoteValue, zRole, zStance, zTokenScope } from "@/lib/vocabulary";
import { ERROR_CODES } from "@/lib/errors";

/** Named request and answer shapes: each becomes one entry of the document's components.schemas. */
export const requestSchemas = z.registry<{ id: string; description?: string }>();
export const answerSchemas = z.registry<{ id: string; description?: string }>();

function request<T extends z.ZodType>(name: string, schema: T, description?: string): T {
  requestSchemas.add(schema, { id: name, description });
  return schema;
}
function answer<T extends z.ZodType>(name: string, schema: T, description?: string): T {
  answerSchemas.add(schema, { id: name, description });
  return schema;
}

const id = idSchema;
const timestamp = z.iso.datetime().describe("ISO 8601, UTC");
const stance = zStance;

// ---------- requests ----------

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe("Items per page (1–100)."),
  cursor: z.string().min(1).max(200).optional().describe("The `nextCursor` of the previous page."),
});

export const ResponseListQuery = PageQuery.extend({
  parent: z
    .union([z.literal("root"), id])
    .optional()
    .describe("Only the replies to this response, or `root` for the direct responses to the claim. Default: every response."),
  stance: stance.optional().describe("Only responses of this stance."),
});

export const SlugParams = z.object({ slug: z.string().min(1).max(200) });
export const IdParams = z.object({ id });

export const RaiseClaimBody = request(
  "RaiseClaim",
  // The article is in the address.
  raiseClaimSchema.pick({ start: true, end: true, quote: true }).extend({
    start: raiseClaimSchema.shape.start.describe(
      "Offset of the first selected character in the article's `body` (UTF-16 code units). The selection is widened to whole words.",
    ),
    end: raiseClaimSchema.shape.end.describe("Offset just after the last selected character."),
    quote: raiseClaimSchema.shape.quote.describe(
      "The selected words as the caller saw them (`body.slice(start, end)`): if the article's text moved since it was read, they are found again by these words.",
    ),
  }),
  "Words of an article's body to raise as a claim.",
);

export const NewResponseBody = request(
  "NewResponse",
  // The claim is in the address and the submission key in the Idempotency-Key header.
  postResponseSchema.pick({ stance: true, body: true, parentId: true, sources: true }).extend({
    stance: stance.describe("Whether the response supports or opposes what it answers."),
    body: responseBodySchema.describe(`Markdown (no raw HTML), ${RESPONSE_MIN}–${RESPONSE_MAX} characters.`),
    parentId: id.nullable().default(null).describe("The response this one answers; null (the default) answers the claim itself."),
    sources: sourcesSchema.optional().describe(`What the response cites: at most ${MAX_SOURCES} http(s) addresses, each with an optional quote.`),
  }),
);

export const ClaimVoteBody = request("ClaimVoteInput", claimVoteSchema.extend({ value: claimVoteSchema.shape.value.describe("null takes your vote back.") }));

export const ResponseVoteBody = request(
  "ResponseVoteInput",
  responseVoteSchema.pick({ value: true }).extend({ value: responseVoteSchema.shape.value.describe("null takes your vote back.") }),
);

// ---------- answers ----------

export const Problem = answer(
  "Problem",
  z.object({
    type: z.string().describe("A URI naming the kind of problem (RFC 9457); `about:blank` when the status says it all."),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe("What went wrong, written for a person."),
    code: z.enum(ERROR_CODES).describe("What kind of failure, for programs (lib/errors.ts): each code has one status."),
    retryAfterSeconds: z.number().int().optional().describe("For rate_limited and unavailable: the Retry-After header's value."),
    errors: z
      .array(z.object({ in: z.enum(["path", "query", "header", "body"]), path: z.string(), message: z.string() }))
      .optional()
      .describe("For invalid_request: each field at fault."),
  }),
  "Every error, as RFC 9457 problem details (application/problem+json).",
);

export const ArticleSummary = answer(
  "ArticleSummary",
  z.object({
    id,
    slug: z.string(),
    title: z.string(),
    byline: z.string().nullable(),
    sourceUrl: z.string().nullable().describe("Where the article was imported from, when it was imported from a web address."),
    siteName: z.string().nullable().describe("The publication, as the page names itself."),
    publishedAt: timestamp.nullable().describe("When the page says it was published."),
    language: z.string().nullable().describe("BCP 47 language tag of the article's text."),
    importedAt: timestamp,
    claimCount: z.number().int(),
    url: z.url().describe("The article's page."),
  }),
);

export const ArticlePage = answer(
  "ArticlePage",
  z.object({ items: z.array(ArticleSummary), nextCursor: z.string().nullable().describe("null on the last page.") }),
);

const Anchor = answer(
  "Anchor",
  z.object({
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
    start: z.number().int().describe("Offset in the article's `body` (UTF-16 code units), as a TextPositionSelector."),
    end: z.number().int(),
  }),
  "Where the claim stands in the article: W3C TextQuoteSelector and TextPositionSelector.",
);

export const ClaimSummary = answer(
  "ClaimSummary",
  z.object({
    id,
    articleSlug: z.string(),
    text: z.string(),
    anchor: Anchor,
    origin: zClaimOrigin.describe(
      "Who marked the claim: `pipeline` (Arguably's claim finder at import), `editor` (an editor, including a reader's claim an editor accepted), `reader` (raised by a reader in the article's text).",
    ),
    raisedBy: z
      .object({ id, name: z.string() })
      .nullable()
      .describe("The reader who raised the claim (kept when an editor accepts it); null for the others, or once the account is gone."),
    votes: z.object({ agree: z.number().int(), disagree: z.number().int() }),
    responses: z.object({
      supporting: z.number().int().describe("Direct supporting responses."),
      opposing: z.number().int(),
      total: z.number().int().describe("Every response in the tree."),
    }),
    standing: z.number().min(0).max(1).describe("0 (refuted) to 1 (well supported), from votes and the argument tree."),
    locked: z.boolean().describe("No new responses while true."),
    url: z.url(),
  }),
);

export const Article = answer(
  "Article",
  ArticleSummary.extend({
    body: z.string().describe("The article's text, which claim anchors point into."),
    claims: z.array(ClaimSummary),
  }),
);

const Reason = answer("Reason", z.object({ responseId: id, stance, effect: z.number().describe("How much the standing would change without this response.") }));

export const Claim = answer(
  "Claim",
  ClaimSummary.extend({
    reasons: z.object({ raisedBy: z.array(Reason), loweredBy: z.array(Reason) }).describe("The direct responses that move the standing most."),
    articleTitle: z.string(),
    duplicateOfId: id.nullable().describe("Set when moderators found this claim a duplicate of another, where the debate belongs."),
    bridged: z
      .object({
        voters: z.number().int().describe("People who voted on the claim or its responses."),
        standing: z.number().min(0).max(1).nullable().describe("The standing from support across opinion groups; null under 10 voters."),
        reasons: z.object({ raisedBy: z.array(Reason), loweredBy: z.array(Reason) }),
        groups: z
          .array(z.object({ label: z.string(), size: z.number().int(), agree: z.number().int(), disagree: z.number().int() }))
          .describe("Opinion groups (voters clustered by how they voted), largest first, and their votes on the claim."),
        computedAt: timestamp,
      })
      .nullable()
      .describe("The bridged standing (decision 020), as last computed a few seconds after votes change; null before the first computation."),
  }),
);

export const ResponseItem = answer(
  "Response",
  z.object({
    id,
    claimId: id,
    parentId: id.nullable(),
    stance,
    status: z
      .enum(["visible", "deleted", "hidden", "removed"])
      .describe(
        "`visible`: everyone sees it. `deleted`: its author deleted it; it keeps its place (no body, no author) while replies hang from it. `hidden` (under review) and `removed` (by a moderator): everyone else receives a tombstone in its place (no body, no author, zero votes and replies; what was posted under it is not listed); its author and moderators receive it with the body (moderators also below a hidden or removed response).",
      ),
    body: z.string().nullable(),
    author: z.object({ id, name: z.string() }).nullable(),
    createdAt: timestamp,
    editedAt: timestamp.nullable(),
    votes: z.object({ strong: z.number().int(), weak: z.number().int() }),
    replies: z.object({ supporting: z.number().int(), opposing: z.number().int() }).describe("Direct replies that everyone sees."),
    strength: z.number().min(0).max(1).describe("0 while its argument does not count (deleted, hidden or removed)."),
    sources: z.array(z.object({ url: z.string(), quote: z.string().nullable() })).describe("What it cites, in its author's order (none when deleted)."),
    sourceRequests: z.number().int().describe('Readers who marked it "needs a source".'),
    url: z.url(),
  }),
);

export const ResponsePage = answer("ResponsePage", z.object({ items: z.array(ResponseItem).describe("Oldest first."), nextCursor: z.string().nullable() }));

export const ClaimVoteResult = answer(
  "ClaimVote",
  z.object({
    claimId: id,
    value: zClaimVoteValue.nullable(),
    votes: z.object({ agree: z.number().int(), disagree: z.number().int() }),
    standing: z.number().min(0).max(1),
  }),
);

export const ResponseVoteResult = answer(
  "ResponseVote",
  z.object({
    responseId: id,
    value: zResponseVoteValue.nullable(),
    votes: z.object({ strong: z.number().int(), weak: z.number().int() }),
    strength: z.number().min(0).max(1),
  }),
);

export const Me = answer(
  "Me",
  z.object({
    id,
    name: z.string(),
    role: zRole,
    token: z.object({ id, scope: zTokenScope }),
  }),
);
