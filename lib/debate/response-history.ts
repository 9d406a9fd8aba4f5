// A response's revisions, as its history page shows them.
import { getDb } from "@/lib/db/client";
import { responseAppearance, type Viewer } from "@/lib/policy/visibility";
import { responseStateSelect, visibleResponseWhere } from "./visibility";

/** A response's current text and earlier ones, if the viewer may see it (lib/policy/visibility.ts). */
export async function getRevisions(responseId: string, viewer: Viewer) {
  const response = await getDb().response.findFirst({
    where: { id: responseId, ...visibleResponseWhere(viewer) },
    select: {
      id: true,
      body: true,
      editedAt: true,
      createdAt: true,
      claimId: true,
      ...responseStateSelect,
      author: { select: { name: true } },
      revisions: { orderBy: { createdAt: "desc" }, select: { id: true, body: true, createdAt: true } },
    },
  });
  if (!response) return null;
  const appearance = responseAppearance(response, viewer);
  // A placeholder has no history to read: its texts are what was withheld.
  if (appearance === null || appearance === "placeholder") return null;
  const tombstone = appearance === "tombstone";
  return {
    id: response.id,
    claimId: response.claimId,
    appearance,
    authorName: tombstone ? null : response.author.name,
    body: tombstone ? "" : response.body,
    editedAt: response.editedAt,
    revisions: tombstone ? [] : response.revisions,
  };
}
