"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/use-server-action";
import { signOut } from "@/lib/auth/browser";
import { endSessionAction, signOutEverywhereAction } from "./actions";

export interface SessionRow {
  id: string;
  device: string;
  createdAt: string;
  current: boolean;
}

export function Sessions({ sessions }: { sessions: SessionRow[] }) {
  const router = useRouter();
  const { pending, error, run } = useServerAction();
  const leave = async () => {
    await signOut();
    router.push("/signin");
    router.refresh();
  };
  return (
    <div className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <ul className="divide-y divide-line rounded-lg border border-line bg-white text-sm" data-testid="sessions">
        {sessions.map((session) => (
          <li key={session.id} className="flex items-center justify-between gap-3 px-4 py-3" data-testid="session">
            <div>
              <p className="font-medium">
                {session.device} {session.current ? <span className="ml-1 rounded bg-emerald-100 px-1.5 text-xs text-emerald-900">this browser</span> : null}
              </p>
              <p className="text-muted">Signed in {session.createdAt}</p>
            </div>
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() =>
                run(
                  () => endSessionAction({ sessionId: session.id }),
                  (data) => (data.wasThisDevice ? void leave() : undefined),
                )
              }
            >
              Sign out
            </Button>
          </li>
        ))}
      </ul>
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          run(
            () => signOutEverywhereAction({}),
            () => void leave(),
          )
        }
      >
        Sign out everywhere
      </Button>
    </div>
  );
}
