import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getCurrentUser } from "@/lib/auth/session";
import { listModerationLog } from "@/lib/moderation/log";

export const metadata: Metadata = { title: "Moderation log" };

const TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** What each logged action did, in words ("hid a response"). Unknown codes show as written. */
const DID: Record<string, string> = {
  dismiss: "dismissed the reports on",
  hide: "hid",
  restore: "restored",
  remove: "removed",
  lock: "locked",
  unlock: "unlocked",
  duplicate: "marked as a repeat",
  edit_claim: "reworded",
  silence: "silenced",
  suspend: "suspended",
  ban: "banned",
  lift: "lifted the sanctions on",
  role: "changed the role of",
  filter: "changed",
  withdraw_claim: "withdrew",
  rule_added: "added",
  rule_changed: "changed",
  rule_retired: "retired",
  rule_restored: "brought back",
};

const THING: Record<string, string> = {
  claim: "a claim",
  response: "a response",
  article: "an article's debates",
  user: "an account",
  word_filter: "the word filter",
  rule: "a site rule",
};

/**
 * Public: every moderation action, newest first, with the rule it applied and a link to what it acted
 * on (or to the placeholder where that was). Moderators' names are for staff. `?item=` shows one item's
 * entries: what a placeholder links to.
 */
export default async function ModerationLogPage({ searchParams }: { searchParams: Promise<{ item?: string | string[] }> }) {
  const { item } = await searchParams;
  const user = await getCurrentUser();
  const itemId = typeof item === "string" && item.length <= 100 ? item : undefined;
  const entries = await listModerationLog(user, { item: itemId });
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Moderation log</h1>
      <p className="text-muted">
        Every action moderators take, as it happened, with the{" "}
        <Link href="/rules" className="text-accent underline underline-offset-2">
          rule
        </Link>{" "}
        it applied. Entries can never be changed or deleted.
      </p>
      {itemId ? (
        <p className="text-sm">
          Showing what was done to one item.{" "}
          <Link href="/moderation/log" className="text-accent underline underline-offset-2">
            The whole log
          </Link>
        </p>
      ) : null}
      {entries.length === 0 ? <p className="text-muted">Nothing here.</p> : null}
      <ol className="divide-y divide-line rounded-lg border border-line bg-white">
        {entries.map((entry) => (
          <li key={entry.id} id={`entry-${entry.id}`} className="scroll-mt-20 space-y-1 px-4 py-3 text-sm target:bg-amber-50" data-testid="log-entry">
            <p>
              <span className="font-medium">{entry.moderator}</span> {DID[entry.action] ?? entry.action}{" "}
              {entry.link ? (
                <Link href={entry.link} className="text-accent underline underline-offset-2">
                  {THING[entry.targetType] ?? entry.targetType}
                </Link>
              ) : (
                (THING[entry.targetType] ?? entry.targetType)
              )}
              {entry.rule ? (
                <>
                  {" "}
                  under{" "}
                  <Link href={`/rules#rule-${entry.rule.id}`} className="text-accent underline underline-offset-2">
                    {entry.rule.name}
                  </Link>
                </>
              ) : null}
            </p>
            {entry.reason ? <p className="text-muted">{entry.reason}</p> : null}
            <p className="text-xs text-muted">
              <time dateTime={entry.createdAt.toISOString()}>{TIME.format(entry.createdAt)} UTC</time>
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
