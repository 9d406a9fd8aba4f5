// POST /api/claims/:id/responses — a response posted from the claim page, answered by the edge before
// Next.js (decision 022), as claim votes are (decision 013): through a server action, posting ran at
// 40 a second here, and the cost was the framework's. The endpoint does what the action did, from the
// same modules: same-site Origin, the session cookie and its live server-side session (./session-user.ts,
// as lib/auth/session.ts reads it), the policy (lib/policy canPost), the command's zod schema,
// then the one command (lib/debate/post-response.ts postResponseForPage: limits, word filter,
// idempotency, sources, follows, notifications, mail and the live update). Failures are the app's
// AppError, answered as problem details by the caller (./app-server.ts); success is the new response as
// the page draws it.
import { postingBlockedReason } from "@/lib/auth/sanction-message";
import { postResponseForPage, type PostedResponse } from "@/lib/debate/post-response";
import { postResponseSchema } from "@/lib/debate/schemas";
import { AppError } from "@/lib/errors";
import { canPost } from "@/lib/policy";
import { refuseForeignWrite, type EndpointRequest } from "./claim-vote-endpoint";
import type { SessionSecrets } from "./session";
import { sessionUserOf } from "./session-user";

export const POST_RESPONSE_PATH = /^\/api\/claims\/([^/?#]{1,64})\/responses$/;

/** Posts as the request's signed-in person; throws the AppError to answer with when it cannot. */
export async function handlePostResponse(request: EndpointRequest, session: SessionSecrets): Promise<PostedResponse> {
  const claimId = POST_RESPONSE_PATH.exec(request.path)?.[1];
  if (!claimId) throw new AppError("not_found", "There is nothing here.");
  if (request.method !== "POST") throw new AppError("method_not_allowed", "Post with POST.", { headers: { Allow: "POST" } });
  refuseForeignWrite(request);
  const author = await sessionUserOf(request.headers, session);
  if (!author) throw new AppError("unauthorized", "Sign in to do that.");
  if (!canPost(author)) throw new AppError("forbidden", postingBlockedReason(author) ?? "Your account cannot post right now.");
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    throw new AppError("invalid_request", 'Send JSON: {"parentId": null, "stance": "support", "body": "…"}.');
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("invalid_request", "Send the response as a JSON object.");
  const parsed = postResponseSchema.safeParse({ ...body, claimId: decodeURIComponent(claimId) });
  if (!parsed.success) throw new AppError("invalid_request", parsed.error.issues[0]?.message ?? "That request was not valid.");
  return postResponseForPage(author, parsed.data);
}

export function createPostResponseEndpoint(session: SessionSecrets) {
  return {
    matches: (path: string) => POST_RESPONSE_PATH.test(path),
    handle: (request: EndpointRequest) => handlePostResponse(request, session),
  };
}
