// What a response's controls (./debate-controls.tsx) know of it, made from the server's copy of a
// response (./response-tree.tsx) or the live stream's (./live-parts.tsx). Not a client module: the
// server's render calls it too.
import type { LiveResponse } from "@/lib/live/updates";

/** The response's public figures and text, as both copies carry them, and what the controls need besides. */
export type ControlledResponse = Pick<
  LiveResponse,
  "id" | "body" | "strong" | "weak" | "supporters" | "opposers" | "strength" | "sources" | "sourceRequests"
> & {
  /** Null for a deleted response. */
  authorId: string | null;
  authorName: string | null;
  editedAt: string | null;
  /** Deleted by its author or removed by a moderator: nothing more can be done with it. */
  deleted: boolean;
  /** Readers do not see it (under review, or below a withheld response): no votes, replies or follows. */
  withheld: boolean;
};

/** From the server's or the live stream's copy of a response (the same fields) and its state. */
export function controlledResponse(
  response: Pick<LiveResponse, "author"> & Omit<ControlledResponse, "authorId" | "authorName" | "editedAt" | "deleted" | "withheld">,
  state: Pick<ControlledResponse, "editedAt" | "deleted" | "withheld">,
): ControlledResponse {
  const { id, author, body, strong, weak, supporters, opposers, strength, sources, sourceRequests } = response;
  return {
    id,
    body,
    strong,
    weak,
    supporters,
    opposers,
    strength,
    sources,
    sourceRequests,
    authorId: author?.id ?? null,
    authorName: author?.name ?? null,
    ...state,
  };
}
