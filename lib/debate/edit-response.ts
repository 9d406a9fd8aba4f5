// An author edits their response; the old text is kept as a revision.
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { screenText } from "@/lib/policy/word-filter";
import { announce } from "@/lib/live/publish";
import { type Actor } from "@/lib/policy";
import { ownResponse } from "./debate-targets";
import { screenedText, writeSources } from "./response-sources";
import type { EditResponseInput } from "./schemas";

/**
 * Replaces a response's text, keeping the old text as a revision. `seenEditedAt` is the edit the author
 * started from: if someone (another tab) edited since, this edit is refused rather than lost silently.
 */
export async function editResponse(input: EditResponseInput & { actor: Actor }) {
  return getDb().$transaction(async (tx) => {
    const response = await ownResponse(tx, input.responseId, input.actor);
    if ((response.editedAt?.toISOString() ?? null) !== input.seenEditedAt) {
      throw new AppError("conflict", "This response was edited elsewhere in the meantime. Copy your text, reload, and edit again.");
    }
    const { hold } = await screenText(tx, screenedText(input.body, input.sources));
    await tx.responseRevision.create({ data: { responseId: response.id, body: response.body, createdAt: response.editedAt ?? response.createdAt } });
    // An edit of a hidden response goes back to review; an edit that trips a review filter is held.
    const editedAt = new Date();
    const updated = await tx.response.updateMany({
      where: { id: response.id, editedAt: response.editedAt },
      data: { body: input.body, editedAt, ...(hold ? { hiddenAt: editedAt } : {}) },
    });
    if (updated.count !== 1) throw new AppError("conflict", "This response was edited elsewhere in the meantime. Copy your text, reload, and edit again.");
    if (input.sources) await writeSources(tx, response.id, input.sources);
    await announce(tx, { type: "response", claimId: response.claimId, articleId: response.claim.articleId, responseId: response.id });
    // Held (a review filter matched, or it was hidden and goes back to review): its author alone sees it.
    return { editedAt, held: hold || response.hiddenAt !== null || response.removedAt !== null };
  });
}
