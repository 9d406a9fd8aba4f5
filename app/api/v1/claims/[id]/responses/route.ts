import { apiRoute, preflight } from "@/lib/api/handler";
import { listClaimResponses as listOperation, postResponse as postOperation } from "@/lib/api/operations";
import { orNotFound } from "@/lib/api/problem";
import { AppError } from "@/lib/errors";
import { getResponseItem, listClaimResponses } from "@/lib/api/resources";
import { claimVisibleTo } from "@/lib/debate/visibility";
import { postResponse } from "@/lib/debate/post-response";
import { submissionKeySchema } from "@/lib/debate/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listOperation, async ({ params, query, caller }) => ({
  body: orNotFound(await listClaimResponses(params.id, query, caller?.user ?? null), "That claim does not exist."),
}));

export const POST = apiRoute(postOperation, async ({ params, body, caller, request }) => {
  const user = caller!.user;
  const idempotencyKey = request.headers.get("idempotency-key");
  if (idempotencyKey !== null && !submissionKeySchema.safeParse(idempotencyKey).success) {
    const message = "must be 16–64 characters of A–Z, a–z, 0–9, _ and -";
    throw new AppError("invalid_request", `The Idempotency-Key header ${message}.`, { errors: [{ in: "header", path: "Idempotency-Key", message }] });
  }
  orNotFound(await claimVisibleTo(params.id, user), "That claim does not exist.");
  const posted = await postResponse(user, {
    claimId: params.id,
    parentId: body.parentId,
    stance: body.stance,
    body: body.body,
    sources: body.sources,
    submissionKey: idempotencyKey ?? undefined,
  });
  const response = orNotFound(await getResponseItem(posted.id, user), "That claim does not exist.");
  return { status: posted.repeated ? 200 : 201, body: response, headers: { Location: `/api/v1/responses/${encodeURIComponent(posted.id)}` } };
});

export const OPTIONS = preflight;
