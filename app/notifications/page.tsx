import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/debate/notifications";
import { formatAge } from "@/lib/format-age";
import { MarkAllRead } from "./mark-read";

export const metadata: Metadata = { title: "Notifications" };

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
        <p className="text-muted">Nothing yet. Replies to what you follow and votes on your arguments appear here.</p>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-white">
          {notifications.map((notification) => (
            <li key={notification.id} className={`px-4 py-3 text-sm ${notification.readAt ? "" : "bg-amber-50"}`} data-testid="notification">
              {!notification.readAt ? <span className="sr-only">Unread: </span> : null}
              <strong>{notification.actor.name}</strong> {notification.kind === "reply" ? "responded" : "rated your argument"}:{" "}
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
