"use client";
// The site's header. The account part is the person's (lib/debate/viewer-overlay.ts): on a page shared by
// every reader it appears once the person's layer has arrived, and holds its place until then. Everything
// that is the person's beyond the bell sits in one account menu, so the header fits a 320 px phone for
// every role; staff also see their desks as links on wide screens. The bell follows the person's inbox
// live on every page (components/live/live-connection.ts).
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { signOut } from "@/lib/auth/browser";
import { can, canEditArticles } from "@/lib/policy";
import { useLiveTopic } from "./live/live-connection";
import { BellIcon, ChevronDownIcon, PersonIcon, SearchIcon } from "./ui/icons";
import { Menu, MenuItem, MenuLabel, MenuLink, MenuSeparator } from "./ui/menu";
import { useViewer, useViewerArticle } from "./viewer/viewer-scope";
import { loadViewerOverlay } from "./viewer/viewer-store";

/** The person's own desks, by what their role lets them do. */
function staffDesks(user: { id: string; role: "user" | "editor" | "moderator" | "admin" }) {
  const actor = { ...user, bannedUntil: null };
  return [
    canEditArticles(actor) ? { href: "/editor", label: "Editor's desk" } : null,
    can(actor, "moderation.queue") ? { href: "/moderation", label: "Moderation" } : null,
    can(actor, "settings.manage") ? { href: "/admin", label: "Admin" } : null,
  ].filter((desk) => desk !== null);
}

function Bell({ unread }: { unread: number }) {
  return (
    <Link
      href="/notifications"
      className="relative inline-flex h-9 min-w-9 items-center justify-center gap-1 rounded-md px-1.5 text-ink hover:bg-stone-100"
      aria-label={`Notifications: ${unread} unread`}
      data-testid="bell"
    >
      <BellIcon />
      {unread > 0 ? (
        <span aria-hidden="true" className="rounded-full bg-rose-700 px-1.5 text-xs font-semibold leading-5 text-white tabular-nums" data-testid="unread-count">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}

function AccountMenu({ user }: { user: { id: string; name: string; role: "user" | "editor" | "moderator" | "admin" } }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const desks = staffDesks(user);
  return (
    <Menu
      label={`Account: ${user.name}`}
      testId="signed-in-user"
      triggerClassName="h-9 max-w-[11rem] px-1.5 text-ink"
      trigger={
        <>
          <span aria-hidden="true" className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-accent text-white">
            <PersonIcon size={18} />
          </span>
          <span className="hidden truncate text-sm font-medium sm:inline">{user.name}</span>
          <ChevronDownIcon size={16} />
        </>
      }
    >
      <MenuLabel>
        Signed in as <span className="font-semibold text-ink">{user.name}</span>
        {user.role !== "user" ? ` (${user.role})` : ""}
      </MenuLabel>
      <MenuLink href={`/users/${user.id}`}>Your profile</MenuLink>
      <MenuLink href="/notifications">Notifications</MenuLink>
      <MenuLink href="/submissions">Your submissions</MenuLink>
      <MenuLink href="/reports">Your reports</MenuLink>
      <MenuLink href="/settings">Settings</MenuLink>
      {desks.length ? <MenuSeparator /> : null}
      {desks.map((desk) => (
        <MenuLink key={desk.href} href={desk.href}>
          {desk.label}
        </MenuLink>
      ))}
      <MenuSeparator />
      <MenuItem
        disabled={pending}
        onSelect={() =>
          startTransition(async () => {
            await signOut();
            router.push("/");
            router.refresh();
          })
        }
      >
        {pending ? "Signing out…" : "Sign out"}
      </MenuItem>
    </Menu>
  );
}

export function SiteHeader() {
  const viewer = useViewer();
  const articleId = useViewerArticle();
  const user = viewer?.user ?? null;
  // The bell counts live: a change to the person's notifications makes the page ask for their layer again.
  useLiveTopic(user ? "inbox" : null, { onInbox: () => void loadViewerOverlay(articleId) });
  return (
    <header className="border-b border-line bg-white/70">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-4 py-2">
        <div className="flex min-w-0 items-center gap-1 sm:gap-3">
          <Link href="/" className="font-serif text-xl font-semibold tracking-tight text-ink sm:text-2xl">
            Arguably
          </Link>
          <Link href="/search" className="inline-flex h-9 items-center gap-1 rounded-md px-2 text-sm text-accent hover:bg-stone-100" aria-label="Search">
            <SearchIcon size={18} />
            <span className="hidden sm:inline" aria-hidden="true">
              Search
            </span>
          </Link>
          <Link href="/about" className="hidden h-9 items-center rounded-md px-2 text-sm text-accent hover:bg-stone-100 md:inline-flex">
            How it works
          </Link>
        </div>
        <nav aria-label="Account" className="flex min-h-9 shrink-0 items-center gap-1 text-sm sm:gap-2" aria-busy={viewer === null}>
          {viewer === null ? null : user ? (
            <>
              {staffDesks(user).map((desk) => (
                <Link key={desk.href} href={desk.href} className="hidden rounded-md px-2 py-1.5 text-accent hover:bg-stone-100 lg:inline">
                  {desk.label}
                </Link>
              ))}
              <Bell unread={viewer.unread} />
              <AccountMenu user={user} />
            </>
          ) : (
            <>
              <Link href="/signin" className="rounded-md px-2 py-1.5 text-accent hover:bg-stone-100">
                Sign in
              </Link>
              <Link href="/signup" className="whitespace-nowrap rounded-md bg-accent px-3 py-1.5 font-medium text-white hover:bg-accent-strong">
                Sign up
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
