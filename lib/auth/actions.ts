// Every server action is a public endpoint. This wrapper does, in one place and in this order:
// who is asking (from the database, per request), may they (lib/policy), is the input valid (zod),
// and turns any failure into the app's one error shape (lib/errors.ts: code, status, message for the
// person, when to retry) while logging anything unexpected.
import "server-only";
import type { z } from "zod";
import type { SessionUser } from "@/lib/accounts/users";
import { AppError, toActionFailure, type ActionFailure } from "@/lib/errors";
import type { Actor } from "@/lib/policy";
import { getCurrentUser } from "./session";

/** A failure carries the problem details' fields (lib/errors.ts): the same code, status and words as the API's. */
export type { ActionFailure };
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

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
      if (!user) throw new AppError("unauthorized", "Sign in to do that.");
      if (!can(user)) throw new AppError("forbidden", typeof forbidden === "function" ? forbidden(user) : forbidden);
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw new AppError("invalid_request", parsed.error.issues[0]?.message ?? "That request was not valid.");
      return { ok: true, data: await handler(parsed.data, user) };
    } catch (error) {
      return toActionFailure(error);
    }
  };
}

/**
 * An action anyone may call, signed in or not (asking for a password reset, using a mailed link): it
 * validates its input and answers in the same shape. Its own limits are the handler's job.
 */
export function publicAction<S extends z.ZodType, T>({ schema }: { schema: S }, handler: (input: z.infer<S>) => Promise<T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw new AppError("invalid_request", parsed.error.issues[0]?.message ?? "That request was not valid.");
      return { ok: true, data: await handler(parsed.data) };
    } catch (error) {
      return toActionFailure(error);
    }
  };
}
