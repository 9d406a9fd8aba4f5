// What stands where a response was hidden or removed, for everyone who may not read it: the same item
// whether the server drew it (./response-tree.tsx) or a live update brought it (./live-parts.tsx). No
// text, no author, no figures of its own; what was posted under it is folded with it (decision 015).
import { Link } from "@/components/ui/link";
import { placeholderText, type ModerationNotice } from "@/lib/moderation/notice";

export function ModerationPlaceholder({
  id,
  notice,
  reported = false,
}: {
  id: string;
  notice: Pick<ModerationNotice, "removed" | "rule" | "logHref">;
  reported?: boolean;
}) {
  return (
    <li
      id={`response-${id}`}
      tabIndex={-1}
      data-testid="response-placeholder"
      className="scroll-mt-4 rounded-lg border border-dashed border-line bg-stone-50 p-3 text-sm text-muted"
    >
      <p>
        {placeholderText(notice)}{" "}
        {notice.logHref ? (
          // A full navigation, so the log opens at its entry and marks it (:target).
          <a href={notice.logHref} className="underline">
            See the moderation log
          </a>
        ) : (
          <Link href="/rules" className="underline">
            The site&apos;s rules
          </Link>
        )}
      </p>
      {reported ? (
        <p className="mt-1">
          Reported. Thank you.{" "}
          <Link href="/reports" className="underline">
            See its status
          </Link>
        </p>
      ) : null}
    </li>
  );
}
