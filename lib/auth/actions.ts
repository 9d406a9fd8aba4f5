// Every server action is a public endpoint. This wrapper does, in one place and in this order:
// who is asking (from the database, per request), may they (lib/policy), is the input valid (zod),
// and turns known failures into messages for the person while logging anything unexpected.
import "server-only";
import type { z } from "zod";
import type { SessionUser } from "@/lib/accounts/users";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/db/errors";
import { UserFacingError } from "@/lib/errors";
import type { Actor } from "@/lib/policy";
import { getCurrentUser } from "./session";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; status: number };

interface ActionRules<S extends z.ZodType> {
  schema: S;
  /** A lib/policy check; the action refuses whoever fails it. */
  can: (actor: Actor | null) => boolean;
  /** What the person is told when `can` refuses them (a function, to include e.g. a silence's end). */
  forbidden: string | ((user: SessionUser) => string);
}

export function authorizedAction<S extends z.ZodType, T>(
  { schema, can, forbidden }: ActionRules<S>,
  handler: (input: z.infer<S>, user: SessionUser) => Promise<T>,
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const user = await getCurrentUser();
      if (!user) return { ok: false, error: "Sign in to do that.", status: 401 };
      if (!can(user)) return { ok: false, error: typeof forbidden === "function" ? forbidden(user) : forbidden, status: 403 };
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "That request was not valid.", status: 400 };
      return { ok: true, data: await handler(parsed.data, user) };
    } catch (error) {
      if (error instanceof UserFacingError) return { ok: false, error: error.message, status: error.status };
      // Writes run in transactions, so a lost connection means nothing was stored.
      if (isDatabaseUnavailable(error)) return { ok: false, error: DATABASE_UNAVAILABLE_MESSAGE, status: 503 };
      console.error(error);
      return { ok: false, error: "Something went wrong on our side; nothing was changed. Please try again.", status: 500 };
    }
  };
}
