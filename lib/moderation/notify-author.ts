// Telling an author that their response was hidden or removed (issue 31): a notification in their bell,
// written in the decision's transaction, whose page says the rule and the note (lib/debate/notifications.ts
// reads them from the log entry). Nobody is notified of their own decision.
import type { Tx } from "./targets";

export async function notifyAuthorOfWithholding(tx: Tx, { responseId, authorId, actorId }: { responseId: string; authorId: string; actorId: string | null }) {
  if (authorId === actorId) return;
  await tx.notification.create({ data: { userId: authorId, kind: "moderation", actorId, responseId } });
}
