import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/debate/notifications";
import { formatAge } from "@/lib/format-age";
import { MarkAllRead } from "./mark-read";

export const metadata: Metadata = { title: "Notifications" };

/** What happened, in words: "responded", "rated your argument", "removed your argument under “Spam” (note)". */
function describe(notification: Awaited<ReturnType<typeof listNotifications>>[number]): string {
  if (notification.kind === "reply") return "responded";
  if (notification.kind === "vote") return "rated your argument";
  const notice = notification.moderation;
  const did = notice?.removed ? "removed your argument" : "hid your argument for review";
  const rule = notice?.rule ? ` under “${notice.rule}”` : "";
  const note = notice?.note ? ` (${notice.note})` : "";
  return `${did}${rule}${note}`;
}

export default async function NotificationsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/notifications");
  const notifications = await listNotifications(user);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="font-serif text-3xl font-semibold">Notifications</h1>
        {notifications.some((notification) => !notification.readAt) ? <MarkAllRead /> : null}
      </div>
      {notifications.length === 0 ? (
        <p className="text-muted">Nothing yet. Replies to what you follow, votes on your arguments and moderators’ decisions about them appear here.</p>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-white">
          {notifications.map((notification) => (
            <li key={notification.id} className={`px-4 py-3 text-sm ${notification.readAt ? "" : "bg-amber-50"}`} data-testid="notification">
              {!notification.readAt ? <span className="sr-only">Unread: </span> : null}
              <strong>{notification.actorName}</strong> {describe(notification)}:{" "}
              <Link href={`/claims/${notification.response.claimId}#response-${notification.response.id}`} className="text-accent underline">
                {notification.response.deletedAt
                  ? "[deleted]"
                  : `“${notification.response.body.replace(/\s+/g, " ").slice(0, 80)}${notification.response.body.length > 80 ? "…" : ""}”`}
              </Link>{" "}
              <span className="text-muted">{formatAge(notification.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
