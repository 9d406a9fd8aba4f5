// An author deletes their response: it keeps its place in the tree, its texts and sources go.
import { getDb } from "@/lib/db/client";
import { announce } from "@/lib/live/publish";
import { canDeleteResponse, type Actor } from "@/lib/policy";
import { ownResponse } from "./debate-targets";

/** Soft delete: the response keeps its place (its replies stay), its text and earlier texts go. */
export async function deleteResponse(input: { responseId: string; actor: Actor }) {
  return getDb().$transaction(async (tx) => {
    const response = await ownResponse(tx, input.responseId, input.actor, canDeleteResponse);
    await tx.responseRevision.deleteMany({ where: { responseId: response.id } });
    await tx.responseSource.deleteMany({ where: { responseId: response.id } });
    await tx.response.update({ where: { id: response.id }, data: { deletedAt: new Date(), body: "" } });
    await announce(tx, { type: "response", claimId: response.claimId, articleId: response.claim.articleId, responseId: response.id });
  });
}
