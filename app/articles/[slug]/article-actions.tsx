"use client";
// What can be done with an article besides reading and arguing it, in one menu beside its title rather
// than above its first paragraph: its debates as files (with the download's progress shown beside the
// menu), and for moderators, locking the debate.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useExportDownload } from "@/components/use-export-download";
import { Alert } from "@/components/ui/alert";
import { MoreIcon } from "@/components/ui/icons";
import { LinksWithoutScript, Menu, MenuDownload, MenuItem, MenuLabel, MenuSeparator } from "@/components/ui/menu";
import { useServerAction } from "@/components/use-server-action";
import { useViewer } from "@/components/viewer/viewer-scope";
import { canModerate } from "@/lib/policy";
import { lockArticleAction, siteRulesAction } from "@/app/moderation/actions";
import { RulePicker } from "@/app/moderation/rule-picker";
import { Button } from "@/components/ui/button";
import type { SiteRuleView } from "@/lib/moderation/rules";

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
  // Locking cites a rule: the menu item opens the rule's fields below the menu (unlocking cites none).
  const [lockRules, setLockRules] = useState<SiteRuleView[] | null>(null);
  const [ruleId, setRuleId] = useState("");
  const [note, setNote] = useState("");
  const setLocked = (lock: boolean) =>
    run(
      () => lockArticleAction({ articleId, locked: lock, ruleId: lock ? ruleId || null : null, note: lock ? note.trim() || null : null }),
      () => {
        setLockRules(null);
        router.refresh();
      },
    );
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
                locked
                  ? setLocked(false)
                  : run(
                      () => siteRulesAction({}),
                      (rules) => setLockRules(rules),
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
      {lockRules ? (
        <form
          className="w-full max-w-md space-y-2 rounded border border-line bg-white p-3 text-left"
          aria-label="Lock this article's debates"
          onSubmit={(event) => {
            event.preventDefault();
            setLocked(true);
          }}
        >
          <RulePicker idPrefix={`lock-${articleId}`} rules={lockRules} ruleId={ruleId} onRule={setRuleId} note={note} onNote={setNote} />
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              Lock debate
            </Button>
            <Button type="button" variant="secondary" onClick={() => setLockRules(null)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {status}
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
