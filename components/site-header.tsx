"use client";
// The site's header. The account part is the person's (lib/debate/viewer-overlay.ts): on a page shared by
// every reader it appears once the person's layer has arrived, and holds its place until then.
import Link from "next/link";
import { can, canEditArticles } from "@/lib/policy";
import { useViewer } from "./viewer/viewer-scope";
import { SignOutButton } from "./sign-out-button";

export function SiteHeader() {
  const viewer = useViewer();
  const user = viewer?.user ? { ...viewer.user, bannedUntil: null } : null;
  const unread = viewer?.unread ?? 0;
  return (
    <header className="border-b border-line bg-white/70">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <div className="flex items-baseline gap-4">
          <Link href="/" className="font-serif text-2xl font-semibold tracking-tight text-ink">
            Arguably
          </Link>
          <Link href="/search" className="text-sm text-accent hover:underline">
            Search
          </Link>
        </div>
        <nav aria-label="Account" className="flex min-h-8 items-center gap-3 text-sm" aria-busy={viewer === null}>
          {viewer === null ? null : user ? (
            <>
              {can(user, "moderation.queue") ? (
                <Link href="/moderation" className="text-accent hover:underline">
                  Moderation
                </Link>
              ) : null}
              {can(user, "settings.manage") ? (
                <Link href="/admin" className="text-accent hover:underline">
                  Admin
                </Link>
              ) : null}
              {canEditArticles(user) ? (
                <Link href="/editor" className="text-accent hover:underline">
                  Editor&apos;s desk
                </Link>
              ) : null}
              <Link href="/notifications" className="relative text-ink hover:text-accent" aria-label={`Notifications: ${unread} unread`} data-testid="bell">
                <span aria-hidden="true">🔔</span>
                {unread > 0 ? (
                  <span aria-hidden="true" className="absolute -right-2 -top-2 rounded-full bg-rose-600 px-1.5 text-xs text-white" data-testid="unread-count">
                    {unread}
                  </span>
                ) : null}
              </Link>
              <span data-testid="signed-in-user">
                Signed in as{" "}
                <Link href={`/users/${user.id}`} className="font-semibold hover:underline">
                  {user.name}
                </Link>
                {user.role !== "user" ? (
                  <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs uppercase tracking-wide text-muted">{user.role}</span>
                ) : null}
              </span>
              <Link href="/settings" className="text-accent hover:underline">
                Settings
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/signin" className="text-accent hover:underline">
                Sign in
              </Link>
              <Link href="/signup" className="rounded-md bg-accent px-3 py-1.5 font-medium text-white hover:bg-accent-strong">
                Sign up
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
