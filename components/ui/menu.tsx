"use client";
// A menu of actions behind one button (Radix UI's dropdown menu, decision 021): the account menu, an
// article's or a claim's actions, a response's "more". Radix does what a menu owes keyboard and
// screen-reader users (arrow keys, typeahead, Escape, focus back to the button) and places it on screen.
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Link } from "@/components/ui/link";
import type { MouseEvent, ReactNode } from "react";

const ITEM =
  "flex w-full cursor-pointer select-none items-center gap-2 rounded px-3 py-2 text-left text-sm text-ink outline-none data-[disabled]:cursor-default data-[disabled]:opacity-50 data-[highlighted]:bg-stone-100";

/**
 * `label` names the button for screen readers and says what the menu acts on ("More actions for the
 * response by Ada"); `trigger` is what the button shows.
 */
export function Menu({
  label,
  trigger,
  children,
  align = "end",
  triggerClassName = "",
  testId,
}: {
  label: string;
  trigger: ReactNode;
  children: ReactNode;
  align?: "start" | "end";
  triggerClassName?: string;
  testId?: string;
}) {
  return (
    // Not modal: a menu does not need to lock the page's scrolling (which would shift it) or its pointer.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        aria-label={label}
        data-testid={testId}
        className={`inline-flex items-center gap-1 rounded-md text-muted hover:bg-stone-100 hover:text-ink data-[state=open]:bg-stone-100 ${triggerClassName}`}
      >
        {trigger}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align={align}
          sideOffset={4}
          collisionPadding={8}
          className="z-50 min-w-[12rem] max-w-[calc(100vw-1rem)] rounded-lg border border-line bg-white p-1 font-sans shadow-lg"
        >
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

/** An action; `onSelect` runs it and the menu closes. */
export function MenuItem({
  children,
  onSelect,
  disabled,
  destructive,
}: {
  children: ReactNode;
  onSelect: () => void;
  disabled?: boolean;
  destructive?: boolean;
}) {
  return (
    <DropdownMenu.Item className={`${ITEM} ${destructive ? "text-red-800" : ""}`} disabled={disabled} onSelect={onSelect}>
      {children}
    </DropdownMenu.Item>
  );
}

/** A link to another page (a plain link without JavaScript, a client navigation with it). */
export function MenuLink({ href, children, className = "" }: { href: string; children: ReactNode; className?: string }) {
  return (
    <DropdownMenu.Item asChild className={`${ITEM} ${className}`}>
      <Link href={href}>{children}</Link>
    </DropdownMenu.Item>
  );
}

/** A file to download (an export): a real link, so it also opens in a new tab; `onClick` may take it over to show progress. */
export function MenuDownload({ href, children, onClick }: { href: string; children: ReactNode; onClick?: (event: MouseEvent<HTMLAnchorElement>) => void }) {
  return (
    <DropdownMenu.Item asChild className={ITEM}>
      <a href={href} onClick={onClick}>
        {children}
      </a>
    </DropdownMenu.Item>
  );
}

/**
 * What a menu offers as plain links, for readers without JavaScript (a menu needs it to open): the
 * downloads, the order of a debate. Beside the menu's button, inside <noscript>.
 */
export function LinksWithoutScript({ label, links }: { label: string; links: { href: string; label: string; current?: boolean }[] }) {
  return (
    <noscript>
      <nav aria-label={label} className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
        {links.map((link) => (
          <a key={link.href} href={link.href} aria-current={link.current ? "page" : undefined} className="text-accent underline">
            {link.label}
          </a>
        ))}
      </nav>
    </noscript>
  );
}

export function MenuSeparator({ className = "" }: { className?: string }) {
  return <DropdownMenu.Separator className={`my-1 h-px bg-line ${className}`} />;
}

/** A heading inside the menu, read but not chosen. */
export function MenuLabel({ children }: { children: ReactNode }) {
  return <DropdownMenu.Label className="px-3 py-1.5 text-xs text-muted">{children}</DropdownMenu.Label>;
}
