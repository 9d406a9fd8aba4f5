import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/auth/session";
import { listModerationLog } from "@/lib/moderation/log";

export const metadata: Metadata = { title: "Moderation log" };

const TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Public: every moderation action, with moderators' names for staff only. */
export default async function ModerationLogPage() {
  const user = await getCurrentUser();
  const entries = await listModerationLog(user);
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Moderation log</h1>
      <p className="text-muted">Every action moderators take, as it happened. Entries can never be changed or deleted.</p>
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-line text-left">
            <th className="py-2 pr-3">Time (UTC)</th>
            <th className="py-2 pr-3">Action</th>
            <th className="py-2 pr-3">Target</th>
            <th className="py-2 pr-3">Reason</th>
            <th className="py-2">By</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className="border-b border-line align-top" data-testid="log-entry">
              <td className="py-2 pr-3 whitespace-nowrap">{TIME.format(entry.createdAt)}</td>
              <td className="py-2 pr-3">{entry.action}</td>
              <td className="py-2 pr-3">
                {entry.link ? (
                  <a href={entry.link} className="underline">
                    {entry.targetType}
                  </a>
                ) : (
                  entry.targetType.replace("_", " ")
                )}
              </td>
              <td className="py-2 pr-3">{entry.reason ?? ""}</td>
              <td className="py-2">{entry.moderator}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
