"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/use-server-action";
import { lockArticleAction } from "./actions";

/** For moderators on an article page: stop or resume new responses on all of its claims. */
export function LockArticleButton({ articleId, locked }: { articleId: string; locked: boolean }) {
  const { pending, error, run } = useServerAction();
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" disabled={pending} onClick={() => run(() => lockArticleAction({ articleId, locked: !locked, reason: null }))}>
        {locked ? "Unlock debate" : "Lock debate"}
      </Button>
      {error ? <Alert>{error}</Alert> : null}
    </span>
  );
}
