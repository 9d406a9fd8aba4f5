import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { forbidden, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { describeOrigin } from "@/lib/argument/claim-origin";
import { getDb } from "@/lib/db/client";
import { countOtherModerators } from "@/lib/moderation/recusal";
import { listQueue } from "@/lib/moderation/review-queue";
import { listSiteRules } from "@/lib/moderation/rules";
import { count, formatDate } from "@/lib/format";
import { can } from "@/lib/policy";
import { QueueItemActions } from "./queue-item-actions";

export const metadata: Metadata = { title: "Moderation queue" };

export default async function ModerationQueuePage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/moderation");
  if (!can(user, "moderation.queue")) forbidden();
  const [items, otherModerators, rules] = await Promise.all([listQueue(), countOtherModerators(getDb(), user.id), listSiteRules()]);
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="font-serif text-3xl font-semibold">Moderation queue</h1>
        <Link href="/moderation/log" className="text-accent hover:underline">
          Moderation log
        </Link>
      </div>
      {items.length === 0 ? <p className="text-muted">Nothing to review.</p> : null}
      <ol className="space-y-4">
        {items.map((item) => (
          <li key={`${item.type}-${item.id}`} className="space-y-3 rounded-lg border border-line bg-white p-4" data-testid="queue-item">
            <p className="text-xs uppercase tracking-wide text-muted">
              {item.type} · report weight {item.score.toFixed(2)} {item.hiddenAt ? "· hidden pending review" : ""}
            </p>
            {item.type === "response" ? (
              <>
                <p className="text-sm text-muted">
                  On the claim{" "}
                  <Link href={`/claims/${item.claim.id}#response-${item.id}`} className="underline">
                    “{item.claim.text.slice(0, 100)}”
                  </Link>
                </p>
                <blockquote className="border-l-4 border-line pl-3 text-sm">{item.body}</blockquote>
                <p className="text-xs text-muted" data-testid="author-record">
                  By{" "}
                  <Link href={`/users/${item.author.id}`} className="underline">
                    {item.author.name}
                  </Link>{" "}
                  ({item.author.role}), joined {formatDate(item.author.createdAt)} · {count(item.author._count.responses, "response")} · {item.removedBefore}{" "}
                  removed before
                  {item.author.silencedUntil && item.author.silencedUntil > new Date() ? " · silenced" : ""}
                  {item.author.bannedUntil && item.author.bannedUntil > new Date() ? " · suspended or banned" : ""}
                </p>
              </>
            ) : (
              <>
                <p className="text-sm">
                  <Link href={`/claims/${item.id}`} className="underline">
                    “{item.text}”
                  </Link>{" "}
                  <span className="text-muted">in {item.article.title}</span>
                </p>
                {item.raisedBy ? (
                  <p className="text-xs text-muted" data-testid="author-record">
                    Raised by{" "}
                    <Link href={`/users/${item.raisedBy.id}`} className="underline">
                      {item.raisedBy.name}
                    </Link>{" "}
                    ({item.raisedBy.role}), joined {formatDate(item.raisedBy.createdAt)}
                    {item.raisedBy.silencedUntil && item.raisedBy.silencedUntil > new Date() ? " · silenced" : ""}
                    {item.raisedBy.bannedUntil && item.raisedBy.bannedUntil > new Date() ? " · suspended or banned" : ""}
                  </p>
                ) : (
                  <p className="text-xs text-muted">{describeOrigin(item.origin, null)}</p>
                )}
              </>
            )}
            {item.reports.length ? (
              <ul className="space-y-1 text-sm">
                {item.reports.map((report) => (
                  <li key={report.id}>
                    <strong>{report.rule?.name ?? "Repeats another claim"}</strong> from {report.reporter.name} (weight {report.weight.toFixed(2)})
                    {report.note ? `: ${report.note}` : ""}
                    {report.duplicateOfId ? (
                      <>
                        {" "}
                        —{" "}
                        <Link href={`/claims/${report.duplicateOfId}`} className="underline">
                          original
                        </Link>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted">Held by the word filter; no reports.</p>
            )}
            <QueueItemActions
              itemName={item.type === "response" ? `the response by ${item.author.name}` : `the claim “${item.text.slice(0, 60)}”`}
              target={{ type: item.type, id: item.id }}
              version={item.moderationVersion}
              hidden={Boolean(item.hiddenAt)}
              claimText={item.type === "claim" ? item.text : undefined}
              authorId={item.type === "response" ? item.author.id : (item.raisedBy?.id ?? undefined)}
              aboutYou={(item.type === "response" ? item.author.id : item.raisedBy?.id) === user.id}
              soleModerator={otherModerators === 0}
              rules={rules}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}
