"use client";
// What can be done with an article besides reading and arguing it, in one menu beside its title rather
// than above its first paragraph: its debates as files (with the download's progress shown beside the
// menu), and for moderators, locking the debate.
import { useRouter } from "next/navigation";
import { useExportDownload } from "@/components/use-export-download";
import { Alert } from "@/components/ui/alert";
import { MoreIcon } from "@/components/ui/icons";
import { LinksWithoutScript, Menu, MenuDownload, MenuItem, MenuLabel, MenuSeparator } from "@/components/ui/menu";
import { useServerAction } from "@/components/use-server-action";
import { useViewer } from "@/components/viewer/viewer-scope";
import { canModerate } from "@/lib/policy";
import { lockArticleAction } from "@/app/moderation/actions";

const EXPORTS = [
  ["argdown", "Debates (Argdown)"],
  ["aif", "Debates (AIF JSON)"],
  ["annotations", "Claim anchors (Web Annotation)"],
  ["responses.csv", "All responses (CSV)"],
  ["votes.csv", "Votes per claim (CSV)"],
  ["participant-votes.csv", "Participants' votes (CSV)"],
] as const;

export function ArticleActions({ slug, articleId, locked }: { slug: string; articleId: string; locked: boolean }) {
  const router = useRouter();
  const viewer = useViewer();
  const { onClick, status } = useExportDownload();
  const { pending, error, run } = useServerAction();
  const user = viewer?.user ? { ...viewer.user, bannedUntil: null } : null;
  // What the button shows is its name (and screen readers read the same words).
  const menuName = canModerate(user) ? "Downloads and moderation" : "Downloads";
  return (
    <div className="flex flex-col items-end gap-1" data-testid="article-actions">
      <Menu
        label={menuName}
        triggerClassName="h-8 px-2 text-sm"
        trigger={
          <>
            <MoreIcon />
            <span className="hidden sm:inline">{menuName}</span>
          </>
        }
      >
        <MenuLabel>Download this article&apos;s debates</MenuLabel>
        {EXPORTS.map(([format, label]) => (
          <MenuDownload key={format} href={`/api/articles/${encodeURIComponent(slug)}/export?format=${format}`} onClick={onClick}>
            {label}
          </MenuDownload>
        ))}
        {canModerate(user) ? (
          <>
            <MenuSeparator />
            <MenuItem
              disabled={pending}
              onSelect={() =>
                run(
                  () => lockArticleAction({ articleId, locked: !locked, reason: null }),
                  () => router.refresh(),
                )
              }
            >
              {locked ? "Unlock debate" : "Lock debate"}
            </MenuItem>
          </>
        ) : null}
      </Menu>
      <LinksWithoutScript
        label="Download this article's debates"
        links={EXPORTS.map(([format, label]) => ({ href: `/api/articles/${encodeURIComponent(slug)}/export?format=${format}`, label }))}
      />
      {status}
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
