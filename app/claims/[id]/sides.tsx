"use client";
// The two sides of a debate. On a claim's own page on a wide screen they stand side by side; on a phone,
// and in the narrow panel beside an article, they are tabs (Radix UI's, decision 021) with both counts in
// view, so pro and con are one tap apart and never a screen of scrolling apart. Both sides are always
// rendered (the shared page holds both); the tab only decides which one a narrow screen shows.
import * as Tabs from "@radix-ui/react-tabs";
import { useState, type ReactNode } from "react";
import { ChevronDownIcon } from "@/components/ui/icons";
import { LinksWithoutScript, Menu, MenuLink } from "@/components/ui/menu";
import { LiveColumnCount, type ColumnKey } from "./live-parts";

export interface SortLink {
  label: string;
  href: string;
  current: boolean;
}

function SortMenu({ links }: { links: SortLink[] }) {
  const current = links.find((link) => link.current) ?? links[0];
  return (
    <Menu
      label={`Order: ${current.label}, the order of the arguments`}
      triggerClassName="h-8 px-2 text-sm"
      trigger={
        <>
          <span className="text-muted">Order:</span> <span className="font-medium text-ink">{current.label}</span>
          <ChevronDownIcon size={14} />
        </>
      }
    >
      {links.map((link) => (
        <MenuLink key={link.href} href={link.href} className={link.current ? "font-semibold" : ""}>
          {link.label}
          {link.current ? <span className="sr-only"> (current)</span> : null}
        </MenuLink>
      ))}
    </Menu>
  );
}

export function Sides({
  claimId,
  counts,
  compact,
  sortLinks,
  supporting,
  opposing,
}: {
  claimId: string;
  counts: Record<ColumnKey, number>;
  /** In the panel beside an article: tabs at every width. */
  compact: boolean;
  sortLinks: SortLink[];
  supporting: ReactNode;
  opposing: ReactNode;
}) {
  // The side with arguments opens first when the other has none.
  const [side, setSide] = useState<ColumnKey>(counts.supporting === 0 && counts.opposing > 0 ? "opposing" : "supporting");
  const tabsShown = compact ? "" : "md:hidden";
  const inactiveHidden = compact ? "data-[state=inactive]:hidden" : "max-md:data-[state=inactive]:hidden";
  const tab =
    "flex-1 rounded-md px-3 py-2 text-sm font-medium text-muted data-[state=active]:bg-white data-[state=active]:text-ink data-[state=active]:shadow-sm";
  return (
    <Tabs.Root value={side} onValueChange={(value) => setSide(value as ColumnKey)} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Tabs.List aria-label="Sides of the debate" className={`flex min-w-0 flex-1 gap-1 rounded-lg bg-stone-100 p-1 max-sm:basis-full ${tabsShown}`}>
          <Tabs.Trigger value="supporting" className={tab}>
            Supporting (<LiveColumnCount claimId={claimId} column="supporting" initial={counts.supporting} />)
          </Tabs.Trigger>
          <Tabs.Trigger value="opposing" className={tab}>
            Opposing (<LiveColumnCount claimId={claimId} column="opposing" initial={counts.opposing} />)
          </Tabs.Trigger>
        </Tabs.List>
        <div className="ml-auto">
          <SortMenu links={sortLinks} />
          <LinksWithoutScript label="Sort responses" links={sortLinks} />
        </div>
      </div>
      <div className={compact ? "" : "grid gap-6 md:grid-cols-2"}>
        <Tabs.Content value="supporting" forceMount tabIndex={-1} className={`min-w-0 ${inactiveHidden}`}>
          {supporting}
        </Tabs.Content>
        <Tabs.Content value="opposing" forceMount tabIndex={-1} className={`min-w-0 ${inactiveHidden}`}>
          {opposing}
        </Tabs.Content>
      </div>
    </Tabs.Root>
  );
}
