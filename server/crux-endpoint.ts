// GET /api/claims/:id/crux — "Your crux here" for the signed-in reader of a claim page who voted on it
// (lib/debate/personal-crux.ts), answered by the edge without Next.js (decision 022): it is part of the
// person's layer of a shared page, asked for on every such view, and through a server action its cost
// was the framework's. Private and never stored by any cache.
import type { IncomingMessage } from "node:http";
import { readPersonalCrux, type CruxView } from "@/lib/debate/personal-crux";
import { AppError } from "@/lib/errors";
import { canReadCrux } from "@/lib/policy";
import type { SessionSecrets } from "./session";
import { sessionUserOf } from "./session-user";

export const CRUX_PATH = /^\/api\/claims\/([A-Za-z0-9_-]{1,64})\/crux$/;

export function createCruxEndpoint(session: SessionSecrets) {
  return {
    matches: (path: string) => CRUX_PATH.test(path),
    /** The JSON to answer with; throws the AppError to answer instead. */
    async handle(request: IncomingMessage): Promise<{ crux: CruxView | null }> {
      if (request.method !== "GET" && request.method !== "HEAD") throw new AppError("method_not_allowed", "Ask with GET.", { headers: { Allow: "GET, HEAD" } });
      const claimId = CRUX_PATH.exec((request.url ?? "/").split("?")[0])?.[1];
      if (!claimId) throw new AppError("not_found", "There is nothing here.");
      const reader = await sessionUserOf(request.headers, session);
      if (!reader) throw new AppError("unauthorized", "Sign in to see your crux.");
      if (!canReadCrux(reader)) throw new AppError("forbidden", "Your account cannot do that right now.");
      return { crux: await readPersonalCrux(reader, claimId) };
    },
  };
}
