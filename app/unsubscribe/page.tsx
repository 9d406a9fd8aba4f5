import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { isGenuineUnsubscribe, ZUnsubscribe, type MailList } from "@/lib/mail/unsubscribe";

export const metadata: Metadata = { title: "Unsubscribe", referrer: "no-referrer" };

const LIST_NAMES: Record<MailList, string> = { digest: "the digest of what you follow", reply: "mail about replies to your responses" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

/** From a mail's "Unsubscribe" link: asks before acting (mail scanners open links), then posts the signed link. */
export default async function UnsubscribePage({ searchParams }: Props) {
  const params = await searchParams;
  const settingsLink = (
    <Link href="/settings#mail" className="text-accent underline">
      your settings
    </Link>
  );
  if (params.done === "digest" || params.done === "reply") {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="font-serif text-3xl font-semibold">Unsubscribed</h1>
        <Alert tone="info">You will not get {LIST_NAMES[params.done]} any more.</Alert>
        <p className="text-sm">Changed your mind? Choose which mail you get in {settingsLink}.</p>
      </div>
    );
  }
  const parsed = ZUnsubscribe.safeParse(params);
  const genuine = parsed.success && isGenuineUnsubscribe(parsed.data);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="font-serif text-3xl font-semibold">Unsubscribe</h1>
      {genuine ? (
        <form method="post" action={`/api/unsubscribe?${new URLSearchParams({ u: parsed.data.u, l: parsed.data.l, s: parsed.data.s })}`} className="space-y-4">
          <p>Stop {LIST_NAMES[parsed.data.l]}?</p>
          <button type="submit" className="rounded-md bg-accent px-4 py-2 font-medium text-white hover:bg-accent-strong">
            Unsubscribe
          </button>
        </form>
      ) : (
        <>
          <Alert>This unsubscribe link is not valid.</Alert>
          <p className="text-sm">Choose which mail you get in {settingsLink}.</p>
        </>
      )}
    </div>
  );
}
