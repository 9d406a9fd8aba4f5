"use client";
// Everything to do with a claim besides voting and arguing, in one menu beside its votes: following it,
// the whole debate as a map, its downloads, reporting it, and for the reader who raised it, withdrawing
// it while it is still theirs alone (lib/debate/withdraw-claim.ts).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useExportDownload } from "@/components/use-export-download";
import { Alert } from "@/components/ui/alert";
import { MoreIcon } from "@/components/ui/icons";
import { LinksWithoutScript, Menu, MenuDownload, MenuItem, MenuLabel, MenuLink, MenuSeparator } from "@/components/ui/menu";
import { useServerAction } from "@/components/use-server-action";
import { useViewer, useViewerArticle } from "@/components/viewer/viewer-scope";
import { patchViewerOverlay } from "@/components/viewer/viewer-store";
import { followClaimAction, withdrawClaimAction } from "./actions";
import { toggled } from "./debate-controls";
import { ReportForm } from "./report-form";

const EXPORTS = [
  ["argdown", "Download as Argdown"],
  ["aif", "Download as AIF JSON"],
  ["annotation", "Download its anchor (Web Annotation)"],
] as const;

export function ClaimActions({ claimId, raiserId, hidden }: { claimId: string; raiserId: string | null; hidden: boolean }) {
  const router = useRouter();
  const viewer = useViewer();
  const articleId = useViewerArticle();
  const [reporting, setReporting] = useState(false);
  const { onClick, status } = useExportDownload();
  const { pending, error, run } = useServerAction({ refresh: false });
  const user = viewer?.user ?? null;
  const following = viewer?.followedClaims.includes(claimId) ?? false;
  const raisedByThem = user !== null && raiserId === user.id;
  return (
    <>
      <Menu label="Claim actions" triggerClassName="h-8 px-2 text-sm" trigger={<MoreIcon />}>
        {user && !hidden ? (
          <MenuItem
            disabled={pending}
            onSelect={() =>
              run(
                () => followClaimAction({ claimId, follow: !following }),
                () => patchViewerOverlay(articleId, (overlay) => ({ ...overlay, followedClaims: toggled(overlay.followedClaims, claimId, !following) })),
              )
            }
          >
            {following ? "Unfollow this claim" : "Follow this claim"}
          </MenuItem>
        ) : null}
        <MenuLink href={`/claims/${claimId}/outline`}>The whole debate as a map</MenuLink>
        <MenuSeparator />
        <MenuLabel>Downloads</MenuLabel>
        {EXPORTS.map(([format, label]) => (
          <MenuDownload key={format} href={`/api/claims/${claimId}/export?format=${format}`} onClick={onClick}>
            {label}
          </MenuDownload>
        ))}
        {user && !hidden && !raisedByThem ? (
          <>
            <MenuSeparator />
            <MenuItem onSelect={() => setReporting(true)}>Report this claim</MenuItem>
          </>
        ) : null}
        {raisedByThem && !hidden ? (
          <>
            <MenuSeparator />
            <MenuItem
              destructive
              disabled={pending}
              onSelect={() => {
                if (!window.confirm("Withdraw this claim? It and everything in it will be gone, and the public log will say that you withdrew it.")) return;
                run(
                  () => withdrawClaimAction({ claimId }),
                  ({ articleSlug }) => router.push(`/articles/${articleSlug}`),
                );
              }}
            >
              Withdraw this claim
            </MenuItem>
          </>
        ) : null}
      </Menu>
      <LinksWithoutScript
        label="This debate elsewhere"
        links={[
          { href: `/claims/${claimId}/outline`, label: "The whole debate as a map" },
          ...EXPORTS.map(([format, label]) => ({ href: `/api/claims/${claimId}/export?format=${format}`, label })),
        ]}
      />
      {status}
      {error ? (
        <div className="basis-full">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      {reporting ? (
        <div className="basis-full">
          <ReportForm claimId={claimId} target={{ type: "claim", id: claimId }} onClose={() => setReporting(false)} />
        </div>
      ) : null}
    </>
  );
}
