"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/actions";

/**
 * Runs a server action from an event handler: shows its failure as a message, and on success calls
 * `onSuccess` with the action's data and refreshes the page's server-rendered data, unless `refresh` is
 * false: debate pages update themselves from the answer and the live stream (issue 17), since a refresh
 * is a page render for every write.
 */
export function useServerAction({ refresh = true }: { refresh?: boolean } = {}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function run<T>(action: () => Promise<ActionResult<T>>, onSuccess?: (data: T) => void) {
    setError(null);
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await action();
      } catch {
        // No answer, or the 503 that the HTTP edge (server/guards.ts) gives while the database is down.
        setError("Arguably could not be reached or is briefly unavailable; nothing was saved. Check your connection and try again in a moment.");
        return;
      }
      if (!result.ok) {
        setError(result.error);
        return;
      }
      onSuccess?.(result.data);
      if (refresh) router.refresh();
    });
  }
  /** Forgets the last failure (when what it was about is gone, e.g. a new selection). */
  const clearError = useCallback(() => setError(null), []);
  return { pending, error, run, clearError };
}
