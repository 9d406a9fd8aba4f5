// What a response's controls (./debate-controls.tsx) know of it, made from the server's copy of a
// response (./response-tree.tsx) or the live stream's (./live-parts.tsx). Not a client module: the
// server's render calls it too.
import type { CitedSource } from "@/lib/debate/response-sources";
import type { LiveResponse } from "@/lib/live/updates";

export interface ControlledResponse {
  id: string;
  /** Null for a deleted response. */
  authorId: string | null;
  authorName: string | null;
  body: string;
  editedAt: string | null;
  strong: number;
  weak: number;
  supporters: number;
  opposers: number;
  strength: number;
  sources: CitedSource[];
  sourceRequests: number;
  /** Deleted by its author or removed by a moderator: nothing more can be done with it. */
  deleted: boolean;
  /** Readers do not see it (under review, or below a withheld response): no votes, replies or follows. */
  withheld: boolean;
}

/** From the server's or the live stream's copy of a response (the same fields) and its state. */
export function controlledResponse(
  response: Pick<LiveResponse, "id" | "author" | "body" | "strong" | "weak" | "supporters" | "opposers" | "strength" | "sources" | "sourceRequests">,
  state: { editedAt: string | null; deleted: boolean; withheld: boolean },
): ControlledResponse {
  const { id, author, body, strong, weak, supporters, opposers, strength, sources, sourceRequests } = response;
  return {
    id,
    authorId: author?.id ?? null,
    authorName: author?.name ?? null,
    body,
    strong,
    weak,
    supporters,
    opposers,
    strength,
    sources,
    sourceRequests,
    ...state,
  };
}
