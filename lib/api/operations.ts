// Every operation of the public API, once: its path, who may call it, what it takes and what it answers.
// The route handlers under app/api/v1 are built from these entries (./handler.ts) and the OpenAPI
// document is generated from the same list (./openapi.ts); the contract tests check that every entry
// is served and answers as documented.
import type { z } from "zod";
import * as S from "./schemas";

/**
 * `public`: anyone; a token is optional and only raises the caller's rate limit.
 * `token`: any live token. `write`: a live token with the write scope (and an owner allowed to act).
 */
export type Access = "public" | "token" | "write";

export interface Operation<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  operationId: string;
  method: "GET" | "POST" | "PUT";
  /** In OpenAPI form: /api/v1/claims/{id}. */
  path: string;
  tag: "Articles" | "Claims" | "Responses" | "Account";
  summary: string;
  description?: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** The success answer. */
  success: { status: 200 | 201; schema: z.ZodType; description: string };
  /** For a 201 operation: when it also answers 200 with the same schema (nothing new was created), and why. */
  alreadyThere?: string;
  /** Failures particular to this operation; 401 (bad token), 429, 500 and 503 apply to every one. */
  errors: (400 | 403 | 404 | 409 | 413 | 415)[];
}

function operation<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(entry: Operation<P, Q, B>) {
  return entry;
}

export const listArticles = operation({
  operationId: "listArticles",
  method: "GET",
  path: "/api/v1/articles",
  tag: "Articles",
  summary: "Published articles, newest first",
  access: "public",
  query: S.PageQuery,
  success: { status: 200, schema: S.ArticlePage, description: "A page of articles." },
  errors: [400],
});

export const getArticle = operation({
  operationId: "getArticle",
  method: "GET",
  path: "/api/v1/articles/{slug}",
  tag: "Articles",
  summary: "An article: its text and its claims with their standings",
  access: "public",
  params: S.SlugParams,
  success: { status: 200, schema: S.Article, description: "The article." },
  errors: [400, 404],
});

export const getClaim = operation({
  operationId: "getClaim",
  method: "GET",
  path: "/api/v1/claims/{id}",
  tag: "Claims",
  summary: "A claim: its anchor, votes, standing and the responses that move it most",
  access: "public",
  params: S.IdParams,
  success: { status: 200, schema: S.Claim, description: "The claim." },
  errors: [400, 404],
});

export const listClaimResponses = operation({
  operationId: "listClaimResponses",
  method: "GET",
  path: "/api/v1/claims/{id}/responses",
  tag: "Responses",
  summary: "The responses on a claim, oldest first (build the tree from parentId)",
  description:
    "Every response of the claim's tree that you may see, or only the replies to one response (`parent`), as on the claim page: responses under review or removed (and everything below them) are left out, except your own; a deleted response keeps its place, without body or author, while replies hang from it.",
  access: "public",
  params: S.IdParams,
  query: S.ResponseListQuery,
  success: { status: 200, schema: S.ResponsePage, description: "A page of responses." },
  errors: [400, 404],
});

export const postResponse = operation({
  operationId: "postResponse",
  method: "POST",
  path: "/api/v1/claims/{id}/responses",
  tag: "Responses",
  summary: "Post a supporting or opposing response to a claim, or a reply to a response",
  description:
    "Send an `Idempotency-Key` header (16–64 of A–Z a–z 0–9 _ -) to make retries safe: the same key again answers with the response it created (200) instead of posting twice. The same posting limits apply as on the site; a response can be held for review by the word filter (status `hidden`).",
  access: "write",
  params: S.IdParams,
  body: S.NewResponseBody,
  success: { status: 201, schema: S.ResponseItem, description: "The response, as stored. A repeated Idempotency-Key answers 200 with the earlier response." },
  alreadyThere: "A repeated Idempotency-Key: the response created the first time.",
  errors: [400, 403, 404, 409, 415],
});

export const raiseClaim = operation({
  operationId: "raiseClaim",
  method: "POST",
  path: "/api/v1/articles/{slug}/claims",
  tag: "Claims",
  summary: "Raise words of an article as a claim, or find the claim that already covers them",
  description:
    "Selected words become a claim with its own debate (origin `reader`, raised by the token's owner), anchored like the article's other claims. Words that are mostly an existing claim's answer 200 with that claim: one debate per point. A selection that runs across paragraphs or only partly overlaps a claim is refused with 409 and says what could be raised instead. The same limits apply as on the site (claims raised per day; fewer for new accounts).",
  access: "write",
  params: S.SlugParams,
  body: S.RaiseClaimBody,
  success: { status: 201, schema: S.Claim, description: "The new claim." },
  alreadyThere: "The words are (mostly) an existing claim's: that claim.",
  errors: [400, 403, 404, 409, 415],
});

export const voteOnClaim = operation({
  operationId: "voteOnClaim",
  method: "PUT",
  path: "/api/v1/claims/{id}/vote",
  tag: "Claims",
  summary: "Agree or disagree with a claim, or take your vote back",
  access: "write",
  params: S.IdParams,
  body: S.ClaimVoteBody,
  success: { status: 200, schema: S.ClaimVoteResult, description: "Your vote and the claim's counts after it." },
  errors: [400, 403, 404, 415],
});

export const getResponse = operation({
  operationId: "getResponse",
  method: "GET",
  path: "/api/v1/responses/{id}",
  tag: "Responses",
  summary: "One response",
  access: "public",
  params: S.IdParams,
  success: { status: 200, schema: S.ResponseItem, description: "The response." },
  errors: [400, 404],
});

export const voteOnResponse = operation({
  operationId: "voteOnResponse",
  method: "PUT",
  path: "/api/v1/responses/{id}/vote",
  tag: "Responses",
  summary: "Rate a response's argument strong or weak, or take your vote back",
  description: "You cannot vote on your own responses.",
  access: "write",
  params: S.IdParams,
  body: S.ResponseVoteBody,
  success: { status: 200, schema: S.ResponseVoteResult, description: "Your vote and the response's counts after it." },
  errors: [400, 403, 404, 409, 415],
});

export const getMe = operation({
  operationId: "getMe",
  method: "GET",
  path: "/api/v1/me",
  tag: "Account",
  summary: "Who the token belongs to, and its scope",
  access: "token",
  success: { status: 200, schema: S.Me, description: "The token's owner." },
  errors: [],
});

export const OPERATIONS: Operation[] = [
  listArticles,
  getArticle,
  raiseClaim,
  getClaim,
  listClaimResponses,
  postResponse,
  voteOnClaim,
  getResponse,
  voteOnResponse,
  getMe,
];
